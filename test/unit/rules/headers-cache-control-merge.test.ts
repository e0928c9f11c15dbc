// Table tests for headers-cache-control-merge.
import rule from '../../../server/src/rules/headers/headers-cache-control-merge';
import { runRuleTests } from '../../harness/rule-tester';

const H = 'public/_headers';
const IMMUTABLE = 'public, max-age=31536000, immutable';

runRuleTests(rule, {
  valid: [
    { filename: H, name: 'detach in the later, specific rule', code: `/*\n  Cache-Control: no-cache\n/assets/*\n  ! Cache-Control\n  Cache-Control: ${IMMUTABLE}\n` },
    { filename: H, name: 'detach written after the value still runs first', code: `/*\n  Cache-Control: no-cache\n/assets/*\n  Cache-Control: ${IMMUTABLE}\n  ! Cache-Control\n` },
    { filename: H, name: 'paths that cannot overlap', code: `/assets/*\n  Cache-Control: ${IMMUTABLE}\n/api/*\n  Cache-Control: no-store\n/blog/:slug\n  Cache-Control: public, max-age=600\n` },
    { filename: H, name: 'placeholder matches one segment only', code: `/docs/:page\n  Cache-Control: public, max-age=600\n/docs/*/edit\n  Cache-Control: no-store\n/docs/a/b\n  X-Robots-Tag: noindex\n` },
    { filename: H, name: 'generic rule sets other headers only', code: `/*\n  X-Frame-Options: DENY\n  X-Content-Type-Options: nosniff\n/assets/*\n  Cache-Control: ${IMMUTABLE}\n` },
    { filename: H, name: 'same value twice adds nothing', code: `/*\n  Cache-Control: public, max-age=0, must-revalidate\n/index.html\n  Cache-Control: public,max-age=0,must-revalidate\n` },
    { filename: H, name: 'rules that only touch (neither covers the other) are left alone', code: `/assets/*\n  Cache-Control: ${IMMUTABLE}\n/*.html\n  Cache-Control: public, max-age=0, must-revalidate\n` },
    { filename: H, name: 'different hosts', code: `https://a.example.com/*\n  Cache-Control: no-store\nhttps://b.example.com/*\n  Cache-Control: ${IMMUTABLE}\n` },
    { filename: H, name: 'Cache-Control and CDN-Cache-Control are different headers', code: `/*\n  Cache-Control: public, max-age=0, must-revalidate\n/assets/*\n  CDN-Cache-Control: max-age=86400\n` },
  ],
  invalid: [
    {
      filename: H, name: 'catalogue example: generic first, specific later without a detach',
      code: `/*\n  Cache-Control: no-cache\n/assets/*\n  Cache-Control: ${IMMUTABLE}\n`,
      errors: [{
        messageId: 'merged', line: 4, column: 3, severity: 'warn',
        message: `Cache-Control of "/assets/*" joins that of "/*" (line 1) where both match: "no-cache, ${IMMUTABLE}".`,
        suggestions: [{ title: 'Add "! Cache-Control" before it', output: `/*\n  Cache-Control: no-cache\n/assets/*\n  ! Cache-Control\n  Cache-Control: ${IMMUTABLE}\n` }],
      }],
    },
    {
      filename: H, name: 'catch-all placed last appends to hashed assets; a detach in the first rule does not help',
      code: `/_astro/*\n  ! Cache-Control\n  Cache-Control: ${IMMUTABLE}\n\n/*\n  X-Frame-Options: DENY\n  Cache-Control: public, max-age=0, must-revalidate\n`,
      errors: [{
        messageId: 'merged', line: 7, column: 3, message: 'Cache-Control of "/*" joins that of "/_astro/*" (line 1) where both match: "public, max-age=31536000, immutable, public, max-age=0, m...".',
        suggestions: [{
          title: 'Move "/_astro/*" after "/*" and add "! Cache-Control"',
          output: `\n/*\n  X-Frame-Options: DENY\n  Cache-Control: public, max-age=0, must-revalidate\n/_astro/*\n  ! Cache-Control\n  Cache-Control: ${IMMUTABLE}\n`,
        }],
      }],
    },
    {
      filename: H, name: 'CRLF, last line without newline, CDN-Cache-Control',
      code: `/assets/*\r\n  CDN-Cache-Control: max-age=31536000\r\n/*\r\n  CDN-Cache-Control: no-store`,
      errors: [{
        messageId: 'merged', line: 4, column: 3, message: '"max-age=31536000, no-store"',
        suggestions: [{ output: `/*\r\n  CDN-Cache-Control: no-store\r\n/assets/*\r\n  ! CDN-Cache-Control\r\n  CDN-Cache-Control: max-age=31536000\r\n` }],
      }],
    },
    {
      filename: H, name: 'placeholder and splat overlap (Pages blog)',
      code: `/blog/*\n  Cache-Control: public, max-age=3600\n/blog/:slug/og.png\n  Cache-Control: ${IMMUTABLE}\n`,
      errors: [{ messageId: 'merged', line: 4, suggestions: [{ output: `/blog/*\n  Cache-Control: public, max-age=3600\n/blog/:slug/og.png\n  ! Cache-Control\n  Cache-Control: ${IMMUTABLE}\n` }] }],
    },
    {
      filename: H, name: 'absolute URL with a host placeholder and a relative rule; tab indent',
      code: `https://:project.pages.dev/*\n\tCache-Control: no-store\n/fonts/*\n\tCache-Control: ${IMMUTABLE}\n`,
      errors: [{ messageId: 'merged', line: 4, column: 2, suggestions: [{ output: `https://:project.pages.dev/*\n\tCache-Control: no-store\n/fonts/*\n\t! Cache-Control\n\tCache-Control: ${IMMUTABLE}\n` }] }],
    },
    {
      filename: H, name: 'three rules: each later one is reported against the nearest earlier match',
      code: `/*\n  Cache-Control: no-cache\n/assets/*\n  Cache-Control: public, max-age=86400\n/assets/*.woff2\n  Cache-Control: ${IMMUTABLE}\n`,
      errors: [
        { messageId: 'merged', line: 4, message: '"/*" (line 1)', suggestions: [{ output: `/*\n  Cache-Control: no-cache\n/assets/*\n  ! Cache-Control\n  Cache-Control: public, max-age=86400\n/assets/*.woff2\n  Cache-Control: ${IMMUTABLE}\n` }] },
        { messageId: 'merged', line: 6, message: '"/assets/*" (line 3)', suggestions: [{ output: `/*\n  Cache-Control: no-cache\n/assets/*\n  Cache-Control: public, max-age=86400\n/assets/*.woff2\n  ! Cache-Control\n  Cache-Control: ${IMMUTABLE}\n` }] },
      ],
    },
  ],
});
