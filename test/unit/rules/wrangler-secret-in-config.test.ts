// Table tests for wrangler-secret-in-config, plus: no output format (stylish, JSON, SARIF, GitHub) ever contains the value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../server/src/rules/wrangler/wrangler-secret-in-config';
import { runCli } from '../../harness/cli-runner';
import { runRuleTests } from '../../harness/rule-tester';
import { tempProject } from '../../harness/temp-project';

const W = 'wrangler.toml';
const HEAD = `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n`;
/** Fake values in real formats (not real credentials). */
const CF_TOKEN = 'Zk3vQ9xT2mL8pR4wN7bY1cH6jD5sF0gAqE2uKoVi';
const STRIPE = `sk_live_${'51HfakeFAKEfake0123456789'}`;
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlLXVzZXIifQ.c2lnbmF0dXJlLW5vdC1yZWFs';

runRuleTests(rule, {
  valid: [
    { filename: W, code: `${HEAD}\n[vars]\nSITE_NAME = "Legacy"\nAPI_BASE_URL = "https://api.example.com"\nCACHE_TTL = "3600"\n` },
    { filename: W, name: 'empty values and placeholders', code: `${HEAD}\n[vars]\nAPI_TOKEN = ""\nJWT_SECRET = "<set with wrangler secret put>"\nSTRIPE_API_KEY = "your-stripe-key"\nADMIN_PASSWORD = "changeme"\n` },
    { filename: W, name: 'demo and test values seen in real examples', code: `${HEAD}\n[vars]\nTELEGRAM_BOT_TOKEN = "demo"\nWEBHOOK_SECRET = "test"\nPASSWORD = "dummy"\n` },
    { filename: W, name: 'public-by-design keys (Turnstile site key, Stripe publishable key, VAPID public key)', code: `${HEAD}\n[vars]\nTURNSTILE_SITE_KEY = "0x4AAAAAAABkMYinukE8nzY"\nSTRIPE_PUBLISHABLE_KEY = "pk_live_51HfakeFAKEfake0123456789"\nVAPID_PUBLIC_KEY = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"\n` },
    { filename: 'wrangler.jsonc', name: 'ids are not secrets (32-hex ids, UUIDs)', code: `{\n  "name": "app",\n  "vars": {\n    "ACCOUNT_ID": "5c1b7e0a9d8f4e3b2a1c0d9e8f7a6b5c",\n    "ZONE": "0f9e8d7c-6b5a-4938-2716-059483726150",\n    "TOKEN_TTL": "3600"\n  }\n}\n` },
    { filename: W, name: 'secrets declared the right way elsewhere; names outside vars', code: `${HEAD}\n# API_TOKEN comes from wrangler secret put\n[[kv_namespaces]]\nbinding = "API_TOKEN_CACHE"\nid = "5c1b7e0a9d8f4e3b2a1c0d9e8f7a6b5c"\n` },
    { filename: 'wrangler.staging.toml', name: 'env vars with ordinary values', code: `${HEAD}\n[env.staging.vars]\nENVIRONMENT = "staging"\nTOKEN_HEADER = "x-auth-token"\n` },
  ],
  invalid: [
    {
      filename: W, name: 'name ending in _API_KEY (corpus shape)',
      code: `${HEAD}\n[vars]\nSITE_NAME = "Legacy"\nPAYMENT_API_KEY = "placeholder-value-for-a-test-only"\n`,
      errors: [{ messageId: 'secret', line: 7, column: 1, endColumn: 16, severity: 'error', message: '`PAYMENT_API_KEY` in `vars` looks like a secret (its name)' }],
    },
    {
      filename: W, name: 'Cloudflare API token by value, in an env (warn: value shape only)',
      code: `${HEAD}\n[env.production.vars]\nCF_DEPLOY = "${CF_TOKEN}"\n`,
      errors: [{ messageId: 'secret', line: 6, severity: 'warn', message: '`CF_DEPLOY` in `env.production.vars` looks like a secret (a long random-looking value)' }],
    },
    {
      filename: 'wrangler.jsonc', name: 'JSONC: Stripe key by format, camelCase name, nested object var',
      code: `{\n  "name": "app",\n  "vars": {\n    "PAYMENTS": "${STRIPE}",\n    "authToken": "abc123def456",\n    "OAUTH": { "clientSecret": "s3cr3t-value-here", "clientId": "web" }\n  }\n}\n`,
      errors: [
        { messageId: 'secret', line: 4, column: 5, message: 'the value has the format of a Stripe secret key' },
        { messageId: 'secret', line: 5, message: '`authToken`' },
        { messageId: 'secret', line: 6, message: '`OAUTH.clientSecret` in `vars` looks like a secret (its name)' },
      ],
    },
    {
      filename: W, name: 'inline vars table with a JWT and a password',
      code: `${HEAD}vars = { SESSION = "${JWT}", DB_PASSWORD = "hunter22" }\n`,
      errors: [{ messageId: 'secret', line: 4, message: 'a signed JWT' }, { messageId: 'secret', line: 4, message: '`DB_PASSWORD`' }],
    },
    {
      filename: 'wrangler-dev.toml', name: 'config variant: top level and env both',
      code: `${HEAD}\n[vars]\nGITHUB_TOKEN = "ghp_${'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'}"\n\n[env.dev.vars]\nJWT_SECRET = "dev-only-secret"\n`,
      errors: [{ messageId: 'secret', line: 6, message: 'a GitHub token' }, { messageId: 'secret', line: 9, message: '`env.dev.vars`' }],
    },
  ],
});

describe('wrangler-secret-in-config never prints the value', () => {
  const VALUES = [CF_TOKEN, STRIPE, 'placeholder-value-for-a-test-only', 'hunter22'];
  const files = {
    // The kv-namespaces rename (wrangler-legacy-v1-config) edits both headers: JSON merges them into one fix over [vars].
    'wrangler.toml': `${HEAD}\n[[kv-namespaces]]\nbinding = "A"\nid = "1"\n\n[vars]\nPAYMENT_API_KEY = "placeholder-value-for-a-test-only"\nPAYMENTS = "${STRIPE}"\n\n[[kv-namespaces]]\nbinding = "B"\nid = "2"\n\n[env.production.vars]\nCF_DEPLOY = "${CF_TOKEN}"\nDB_PASSWORD = "hunter22"\n`,
    'src/index.ts': 'export default { fetch: () => new Response("ok") };\n',
  };
  for (const format of ['stylish', 'json', 'sarif', 'github']) {
    it(`--format ${format}`, async () => {
      const p = tempProject(files);
      try {
        const run = await runCli(['--format', format, '.'], p.root);
        assert.equal(run.code, 1, run.stderr);
        assert.equal((run.stdout.match(/wrangler-secret-in-config/g) ?? []).length >= 4, true, run.stdout);
        assert.ok(run.stdout.includes('wrangler-legacy-v1-config'), run.stdout);
        for (const value of VALUES) {
          assert.ok(!run.stdout.includes(value) && !run.stderr.includes(value), `${format} output contains a secret value`);
        }
      } finally { p.remove(); }
    });
  }
});
