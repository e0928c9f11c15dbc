// Table tests for cf-unknown-option.
import rule from '../../../server/src/rules/fetch/cf-unknown-option';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    // Every documented cache key.
    `export default {
  async fetch(request) {
    return fetch(request, { cf: { cacheTtl: 60, cacheEverything: true, cacheKey: request.url, cacheTags: ['a'], cacheTtlByStatus: { '200-299': 60 } } });
  },
};`,
    // Image resizing and origin override (service worker).
    `addEventListener('fetch', (event) => {
  event.respondWith(fetch(event.request, { cf: { image: { width: 320, format: 'webp' }, polish: 'lossy', resolveOverride: 'eu.example.com' } }));
});`,
    // Incoming-request cf properties set on a test Request are not options.
    `export const req = new Request('https://example.com/', { cf: { country: 'DE', colo: 'FRA', asn: 3320 } });`,
    // A local function named fetch, and a service binding's fetch.
    `function fetch(url: string, init: { cf: { ttl: number } }) { return init.cf.ttl; }
export const a = fetch('/x', { cf: { ttl: 5 } });
export const onRequest = ({ env, request }) => env.API.fetch(request, { cf: { cacheTTL: 60 } });`,
    // cf from somewhere the linter cannot see.
    `import { Hono } from 'hono';
const app = new Hono();
app.get('*', (c) => fetch(c.req.raw, { cf: c.env.CF_OPTIONS }));
export default app;`,
  ],
  invalid: [
    {
      name: 'case typo gets a rename suggestion (module worker)',
      code: `export default {
  async fetch(request) {
    return fetch(request, { cf: { cacheTTL: 300 } });
  },
};`,
      errors: [{
        messageId: 'unknown', line: 3, column: 35, severity: 'error', message: 'cf.cacheTTL is not a cf option, so Cloudflare silently ignores it (did you mean cacheTtl?).',
        suggestions: [{ title: 'Rename to cacheTtl', output: `export default {
  async fetch(request) {
    return fetch(request, { cf: { cacheTtl: 300 } });
  },
};` }],
      }],
    },
    {
      name: 'snake case in a quoted key, options in a const (Pages Function)',
      filename: 'functions/img/[[path]].js',
      code: `const OPTIONS = { cf: { 'cache_ttl_by_status': { '200-299': 86400 } } };
export const onRequestGet = ({ request }) => fetch(request.url, OPTIONS);`,
      errors: [{
        messageId: 'unknown', line: 1, column: 25, message: 'did you mean cacheTtlByStatus?',
        suggestions: [{ output: `const OPTIONS = { cf: { 'cacheTtlByStatus': { '200-299': 86400 } } };
export const onRequestGet = ({ request }) => fetch(request.url, OPTIONS);` }],
      }],
    },
    {
      name: 'misspelling at edit distance 1, and a key with no certain match',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/assets/*', (c) => fetch(c.req.raw, { cf: { cacheEverthing: true, cacheTtlByresponseStatus: { '200-299': 60 } } }));
export default app;`,
      errors: [
        { messageId: 'unknown', line: 3, column: 54, suggestions: [{ title: 'Rename to cacheEverything', output: `import { Hono } from 'hono';
const app = new Hono();
app.get('/assets/*', (c) => fetch(c.req.raw, { cf: { cacheEverything: true, cacheTtlByresponseStatus: { '200-299': 60 } } }));
export default app;` }] },
        { messageId: 'unknown', line: 3, column: 76, message: /ignores it\.$/ },
      ],
    },
    {
      name: 'shorthand ttl: no certain key; retired minify is info',
      code: `export async function load(url: string, ttl: number) {
  return fetch(url, { cf: { ttl, minify: { javascript: true, css: true, html: true } } });
}`,
      errors: [
        { messageId: 'unknown', line: 2, column: 29 },
        { messageId: 'retired', line: 2, column: 34, severity: 'info', message: 'Cloudflare retired Auto Minify' },
      ],
    },
    {
      name: 'spread of a const cf object into new Request (itty-router); no rename when the key already exists',
      code: `import { AutoRouter } from 'itty-router';
const EDGE = { cacheTtl: 60, cachettl: 120 };
const router = AutoRouter();
router.get('/feed', (request) => fetch(new Request(request.url, { cf: { ...EDGE } })));
export default router;`,
      errors: [{ messageId: 'unknown', line: 2, column: 30, message: 'did you mean cacheTtl?' }],
    },
    {
      name: 'options returned by a same-file helper',
      code: `const fetchArgs = (production) => ({
  cf: { cacheTtlByresponseStatus: { '200-299': production ? 600 : 10 }, cacheEverything: production },
});
export async function load(url, env) {
  const init = fetchArgs(env.ENVIRONMENT === 'production');
  return fetch(url, init);
}`,
      errors: [{ messageId: 'unknown', line: 2, column: 9, message: 'cf.cacheTtlByresponseStatus is not a cf option, so Cloudflare silently ignores it.' }],
    },
    {
      name: 'shorthand of a misspelled variable becomes a key with its value',
      code: `class Origin {
  async get(path: string, cacheTtlByStatus: Record<string, number>) {
    const cachettlbystatus = cacheTtlByStatus;
    return fetch('https://origin.example.com' + path, { cf: { cachettlbystatus } });
  }
}
export default Origin;`,
      errors: [{ messageId: 'unknown', line: 4, column: 63, suggestions: [{ output: `class Origin {
  async get(path: string, cacheTtlByStatus: Record<string, number>) {
    const cachettlbystatus = cacheTtlByStatus;
    return fetch('https://origin.example.com' + path, { cf: { cacheTtlByStatus: cachettlbystatus } });
  }
}
export default Origin;` }] }],
    },
  ],
});
