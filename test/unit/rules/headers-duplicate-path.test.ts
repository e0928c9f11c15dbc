// Table tests for headers-duplicate-path.
import rule from '../../../server/src/rules/headers/headers-duplicate-path';
import { runRuleTests } from '../../harness/rule-tester';

const H = 'public/_headers';

runRuleTests(rule, {
  valid: [
    { filename: H, code: `/*\n  X-Frame-Options: DENY\n/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n` },
    { filename: H, name: 'trailing slash makes a different path', code: `/about\n  X-Robots-Tag: noindex\n/about/\n  X-Robots-Tag: noindex\n` },
    { filename: H, name: 'same path on different hosts', code: `https://a.example.com/*\n  X-Robots-Tag: noindex\nhttps://b.example.com/*\n  X-Robots-Tag: noindex\n` },
    { filename: H, name: 'a duplicate header name inside one rule is joined, not replaced', code: `/api/*\n  Cache-Control: no-store\n  Cache-Control: private\n` },
    { filename: H, name: 'path only in a comment', code: `# /assets/* is set below\n/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n` },
    { filename: H, name: 'earlier duplicate has no headers (headers-syntax reports it)', code: `/a\n/a\n  X-Frame-Options: DENY\n` },
    { filename: H, name: 'earlier duplicate is skipped by wrangler anyway (two wildcards)', code: `/a/*/b/*\n  X-Robots-Tag: noindex\n/a/*/b/*\n  X-Robots-Tag: noindex\n` },
    { filename: H, name: 'single rule', code: `/*\n  X-Content-Type-Options: nosniff\n` },
  ],
  invalid: [
    {
      filename: H, name: 'same splat path twice',
      code: `/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n/*\n  X-Frame-Options: DENY\n/assets/*\n  Access-Control-Allow-Origin: *\n`,
      errors: [{
        messageId: 'duplicate', line: 1, column: 1, endColumn: 10, severity: 'warn',
        message: 'Rule "/assets/*" is repeated on line 5, which replaces it',
        suggestions: [{
          title: 'Merge into the "/assets/*" rule on line 5',
          output: `/*\n  X-Frame-Options: DENY\n/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n  Access-Control-Allow-Origin: *\n`,
        }],
      }],
    },
    {
      filename: H, name: 'CRLF, comment inside the block, winner on the last line without newline',
      code: `/\r\n  # html\r\n  Cache-Control: no-cache\r\n/\r\n  X-Robots-Tag: noindex`,
      errors: [{
        messageId: 'duplicate', line: 1, column: 1,
        suggestions: [{ output: `/\r\n  # html\r\n  Cache-Control: no-cache\r\n  X-Robots-Tag: noindex` }],
      }],
    },
    {
      filename: H, name: 'three copies: both earlier ones point at the last',
      code: `/api/*\n  Cache-Control: no-store\n/api/*\n  X-Robots-Tag: noindex\n/api/*\n  Access-Control-Allow-Origin: *\n`,
      errors: [
        { messageId: 'duplicate', line: 1, message: 'line 5', suggestions: [{ output: `/api/*\n  X-Robots-Tag: noindex\n/api/*\n  Cache-Control: no-store\n  Access-Control-Allow-Origin: *\n` }] },
        { messageId: 'duplicate', line: 3, message: 'line 5', suggestions: [{ output: `/api/*\n  Cache-Control: no-store\n/api/*\n  X-Robots-Tag: noindex\n  Access-Control-Allow-Origin: *\n` }] },
      ],
    },
    {
      filename: H, name: 'absolute URL repeated, with a detach line and many headers',
      code: `https://example.com/*\n  ! Cache-Control\n  X-Frame-Options: DENY\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n\nhttps://example.com/*\n  X-Robots-Tag: noindex\n`,
      errors: [{
        messageId: 'duplicate', line: 1, message: 'X-Frame-Options, X-Content-Type-Options, Referrer-Policy and 1 more',
        suggestions: [{ output: `\nhttps://example.com/*\n  ! Cache-Control\n  X-Frame-Options: DENY\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n  X-Robots-Tag: noindex\n` }],
      }],
    },
    {
      filename: H, name: 'placeholders (Pages i18n), indented with tabs',
      code: `/:lang/docs/*\n\tCache-Control: public, max-age=600\n/:lang/*\n\tX-Robots-Tag: noindex\n/:lang/docs/*\n\tContent-Language: :lang\n`,
      errors: [{
        messageId: 'duplicate', line: 1,
        suggestions: [{ output: `/:lang/*\n\tX-Robots-Tag: noindex\n/:lang/docs/*\n\tCache-Control: public, max-age=600\n\tContent-Language: :lang\n` }],
      }],
    },
  ],
});
