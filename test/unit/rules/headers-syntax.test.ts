// Table tests for headers-syntax.
import rule from '../../../server/src/rules/headers/headers-syntax';
import { runRuleTests } from '../../harness/rule-tester';

const H = 'public/_headers';
const rules = (n: number) => Array.from({ length: n }, (_, i) => `/page-${i}\n  X-Robots-Tag: noindex\n`).join('');

runRuleTests(rule, {
  valid: [
    { filename: H, code: `/*\n  X-Frame-Options: DENY\n  Cache-Control: public, max-age=0, must-revalidate\n` },
    { filename: H, name: 'CRLF, comments, blank lines and a detach line', code: `# Hashed assets\r\n/assets/*\r\n  Cache-Control: public, max-age=31536000, immutable\r\n\r\n# HTML\r\n/\r\n  ! Cache-Control\r\n` },
    { filename: H, name: 'absolute https URL with a placeholder host', code: `https://:project.pages.dev/*\n  X-Robots-Tag: noindex\n` },
    { filename: H, name: 'placeholders in the path, :splat in a value', code: `/blog/:year/:slug\n  Link: </og/:year/:slug.png>; rel=preload; as=image\n/docs/*\n  Link: </:splat.css>; rel=preload; as=style\n` },
    { filename: H, name: ':splat placeholder without *', code: `/movies/:splat\n  Cache-Control: public, max-age=600\n` },
    { filename: H, name: 'header values with URLs are not path lines', code: `/api/*\n  Access-Control-Allow-Origin: https://example.com\n  Link: <https://cdn.example.com>; rel=preconnect\n` },
    { filename: H, name: 'a rule with only detach lines', code: `/*\n  Cache-Control: no-cache\n/assets/*\n  ! Cache-Control\n  ! X-Robots-Tag\n` },
    { filename: H, name: 'exactly 100 rules', code: rules(100) },
    { filename: H, name: 'a line of exactly 2000 characters', code: `/*\n  Content-Security-Policy: ${'a'.repeat(2000 - 'Content-Security-Policy: '.length)}\n` },
    { filename: H, name: 'tabs and comments only', code: `# nothing yet\n\n/*\n\tX-Content-Type-Options: nosniff\n` },
    { filename: H, name: 'empty file', code: `` },
  ],
  invalid: [
    {
      filename: H, name: 'header before any path',
      code: `Cache-Control: no-store\n/*\n  X-Frame-Options: DENY\n`,
      errors: [{ messageId: 'headerBeforePath', line: 1, column: 1, endColumn: 24, severity: 'error', message: '"Cache-Control: no-store" is not under any URL line' }],
    },
    {
      filename: H, name: 'CRLF: comment, then a header line before the first path',
      code: `# headers\r\n  X-Frame-Options DENY\r\n/*\r\n  X-Frame-Options: DENY\r\n`,
      errors: [{ messageId: 'headerBeforePath', line: 2, column: 3, endColumn: 23, message: '"X-Frame-Options DENY" is not under any URL line, so wrangler skips it.' }],
    },
    {
      filename: H, name: 'missing colon',
      code: `/*\n  X-Frame-Options DENY\n  X-Content-Type-Options: nosniff\n`,
      errors: [{ messageId: 'missingColon', line: 2, column: 3 }],
    },
    {
      filename: H, name: 'name with a space',
      code: `/*\n  Cache Control: no-store\n  X-Frame-Options: DENY\n`,
      errors: [{ messageId: 'nameHasSpaces', line: 2, column: 3, message: 'Header name "Cache Control" contains a space' }],
    },
    {
      filename: H, name: 'empty name and empty value',
      code: `/api/*\n  : no-store\n  Cache-Control:\n  X-Robots-Tag: noindex\n`,
      errors: [{ messageId: 'emptyName', line: 2, column: 3 }, { messageId: 'emptyValue', line: 3, column: 3, message: 'Header "Cache-Control" has no value, so wrangler skips it.' }],
    },
    {
      filename: H, name: 'rule without headers is a warning',
      code: `/a\n/b\n  X-Frame-Options: DENY\n`,
      errors: [{ messageId: 'noHeaders', line: 1, column: 1, endColumn: 3, severity: 'warn' }],
    },
    {
      filename: H, name: 'http:// URL; its header lines are skipped without more errors',
      code: `http://example.com/*\n  Cache-Control: no-store\n  X-Frame-Options DENY\n`,
      errors: [{
        messageId: 'badUrl', line: 1, column: 1, endColumn: 21,
        suggestions: [{ title: 'Use https://', output: `https://example.com/*\n  Cache-Control: no-store\n  X-Frame-Options DENY\n` }],
      }],
    },
    {
      filename: H, name: 'port in an absolute URL',
      code: `/*\n  X-Frame-Options: DENY\nhttps://example.com:8443/*\n  X-Robots-Tag: noindex\n`,
      errors: [{
        messageId: 'port', line: 3, column: 1, severity: 'error', message: 'Rule URL "https://example.com:8443/*" has a port, so wrangler skips the rule and its headers.',
        suggestions: [{ title: 'Remove the port 8443', output: `/*\n  X-Frame-Options: DENY\nhttps://example.com/*\n  X-Robots-Tag: noindex\n` }],
      }],
    },
    {
      filename: H, name: 'two wildcards (CRLF)',
      code: `/a/*/b/*\r\n  Cache-Control: public, max-age=86400\r\n`,
      errors: [{
        messageId: 'multipleWildcards', line: 1, column: 1, endColumn: 9,
        suggestions: [{ title: 'Replace all but the last * with :p1', output: `/a/:p1/b/*\r\n  Cache-Control: public, max-age=86400\r\n` }],
      }],
    },
    {
      filename: H, name: 'three wildcards, placeholder names avoid existing ones',
      code: `/:p1/*/x/*/y/*\n  X-Robots-Tag: noindex\n`,
      errors: [{ messageId: 'multipleWildcards', message: 'has 3 * wildcards', suggestions: [{ output: `/:p1/:p2/x/:p3/y/*\n  X-Robots-Tag: noindex\n` }] }],
    },
    {
      filename: H, name: 'a * inside a segment gets no placeholder suggestion; no extra no-headers warning',
      code: `/*.js/*\n`,
      errors: [{ messageId: 'multipleWildcards', line: 1, column: 1 }],
    },
    {
      filename: H, name: '* together with :splat',
      code: `https://example.com/docs/:splat/*\n  X-Robots-Tag: noindex\n`,
      errors: [{ messageId: 'wildcardAndSplat', line: 1, column: 1 }],
    },
    {
      filename: H, name: 'more than 100 rules',
      code: rules(102),
      errors: [{ messageId: 'tooManyRules', line: 201, column: 1, message: 'Rule "/page-100" is over the limit of 100 rules: wrangler ignores it and the rest of the file.' }],
    },
    {
      filename: H, name: 'a 2001-character line',
      code: `/*\n  Content-Security-Policy: ${'a'.repeat(2001 - 'Content-Security-Policy: '.length)}\n  X-Frame-Options: DENY\n`,
      errors: [{ messageId: 'lineTooLong', line: 2, column: 3, endColumn: 2004, message: 'Line 2 is 2001 characters long' }],
    },
    {
      filename: H, name: 'detach line without the space',
      code: `/*\n  Cache-Control: no-cache\n/assets/*\n  !Cache-Control\n`,
      errors: [
        { messageId: 'noHeaders', line: 3, column: 1, severity: 'warn' },
        {
          messageId: 'detachWithoutSpace', line: 4, column: 3,
          suggestions: [{ title: 'Write "! Cache-Control"', output: `/*\n  Cache-Control: no-cache\n/assets/*\n  ! Cache-Control\n` }],
        },
      ],
    },
  ],
});
