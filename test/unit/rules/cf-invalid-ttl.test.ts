// Table tests for cf-invalid-ttl.
import rule from '../../../server/src/rules/fetch/cf-invalid-ttl';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    // Valid ranges, 0 and negative TTLs by status (module worker).
    `export default {
  async fetch(request) {
    return fetch(request, { cf: { cacheTtlByStatus: { '200-299': 86400, '404': 1, '500-599': 0, '300-399': -1 } } });
  },
};`,
    // cacheTtl 0 and a positive constant through a const (service worker).
    `const DAY = 24 * 60 * 60;
addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  event.respondWith(fetch(url.pathname === '/live' ? event.request : new Request(event.request, { cf: { cacheTtl: DAY } }), { cf: { cacheTtl: 0 } }));
});`,
    // A TTL from env is not known.
    `export const onRequestGet = async ({ request, env }) => fetch(request, { cf: { cacheTtl: Number(env.TTL) } });`,
    // Hono with a status map built elsewhere.
    `import { Hono } from 'hono';
import { STATUS_TTLS } from './ttl';
const app = new Hono();
app.get('*', (c) => fetch(c.req.raw, { cf: { cacheTtlByStatus: STATUS_TTLS } }));
export default app;`,
    // Not a Fetch API call: a KV get with cacheTtl.
    `export async function read(env) {
  return env.KV.get('k', { cacheTtl: -1 });
}`,
  ],
  invalid: [
    {
      name: 'negative cacheTtl: suggestion to use cacheTtlByStatus',
      code: `export default {
  async fetch(request) {
    return fetch(request, { cf: { cacheTtl: -1 } });
  },
};`,
      errors: [{
        messageId: 'negativeTtl', line: 3, column: 35, severity: 'warn', message: 'cf.cacheTtl is -1',
        suggestions: [{ title: 'Use cacheTtlByStatus', output: `export default {
  async fetch(request) {
    return fetch(request, { cf: { cacheTtlByStatus: { '100-599': -1 } } });
  },
};` }],
      }],
    },
    {
      name: 'string cacheTtl in a const options object (Pages Function)',
      filename: 'functions/api/feed.ts',
      code: `const OPTIONS = { cf: { cacheTtl: '300', cacheEverything: true } };
export const onRequestGet = ({ request }) => fetch(request.url, OPTIONS);`,
      errors: [{
        messageId: 'notNumber', line: 1, column: 25, message: "the string '300'",
        suggestions: [{ title: 'Use the number 300', output: `const OPTIONS = { cf: { cacheTtl: 300, cacheEverything: true } };
export const onRequestGet = ({ request }) => fetch(request.url, OPTIONS);` }],
      }],
    },
    {
      name: 'bad key, reversed range and overlap in one map (Hono)',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/img/*', (c) => fetch(c.req.raw, {
  cf: { cacheTtlByStatus: { '2xx': 3600, '299-200': 60, '200-399': 600, '301': 10 } },
}));
export default app;`,
      errors: [
        { messageId: 'badStatusKey', line: 4, column: 29, severity: 'error' },
        { messageId: 'reversedRange', line: 4, column: 42, message: "cacheTtlByStatus range '299-200' is reversed: it matches no status." },
        { messageId: 'overlap', line: 4, column: 73, severity: 'warn', message: "'301' overlaps '200-399' (line 4)" },
      ],
    },
    {
      name: 'non-integer TTL by status, spread from a const (itty-router)',
      code: `import { AutoRouter } from 'itty-router';
const TTLS = { '200-299': 1.5, '404': 30 };
const router = AutoRouter();
router.get('/feed', (request) => fetch(request.url, { cf: { cacheTtlByStatus: { ...TTLS } } }));
export default router;`,
      errors: [{ messageId: 'notInteger', line: 2, column: 16, severity: 'warn', message: "cacheTtlByStatus['200-299'] is 1.5" }],
    },
    {
      name: 'boolean cacheTtl in a class helper via new Request',
      code: `export class Upstream {
  load(path: string) {
    return fetch(new Request('https://origin.example.com' + path, { cf: { cacheTtl: true } }));
  }
}`,
      errors: [{ messageId: 'notNumber', line: 3, column: 75, message: 'is a boolean' }],
    },
    {
      name: 'negative cacheTtl computed from consts, ByStatus already present: no suggestion',
      code: `const NEVER = -1;
export async function get(url: string) {
  return fetch(url, { cf: { cacheTtl: NEVER * 1, cacheTtlByStatus: { '200': 60 } } });
}`,
      errors: [{ messageId: 'negativeTtl', line: 3, column: 29 }],
    },
  ],
});
