// Table tests for wrangler-cache-block.
import rule from '../../../server/src/rules/wrangler/wrangler-cache-block';
import { runRuleTests } from '../../harness/rule-tester';

const W = 'wrangler.toml';
const HEAD = `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2026-08-01"\n`;

runRuleTests(rule, {
  valid: [
    { filename: W, code: `${HEAD}\n[cache]\nenabled = true\n` },
    { filename: W, name: 'cross_version_cache is a current field', code: `${HEAD}\n[cache]\nenabled = true\ncross_version_cache = true\n` },
    { filename: 'wrangler.jsonc', name: 'JSONC, per-environment override', code: `{\n  "name": "app",\n  "cache": { "enabled": true },\n  "env": { "staging": { "cache": { "enabled": false } } }\n}\n` },
    { filename: W, name: 'per-entrypoint override under exports', code: `${HEAD}\n[exports.Api.cache]\nenabled = false\n` },
    { filename: W, name: 'other tables that mention cache', code: `${HEAD}\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "1"\n\n[vars]\ncache = "on"\n` },
  ],
  invalid: [
    {
      filename: W, name: 'typo enable: rename or remove',
      code: `${HEAD}\n[cache]\nenable = true\n`,
      errors: [{
        messageId: 'unknown', line: 6, column: 1, endColumn: 7, severity: 'warn', message: '`cache.enable` is not a Workers Cache setting',
        suggestions: [
          { title: 'Rename to enabled', output: `${HEAD}\n[cache]\nenabled = true\n` },
          { title: 'Remove the line', output: `${HEAD}\n[cache]\n` },
        ],
      }],
    },
    {
      filename: W, name: 'a TTL field that does not exist (Cache-Control sets TTLs)',
      code: `${HEAD}\n[cache]\nenabled = true\nttl = 3600 # seconds\n`,
      errors: [{ messageId: 'unknown', line: 7, message: 'is not a Workers Cache setting', suggestions: [{ output: `${HEAD}\n[cache]\nenabled = true\n` }] }],
    },
    {
      filename: 'wrangler.jsonc', name: 'JSONC: rename offered, no line removal',
      code: `{\n  "name": "app",\n  // Workers Cache\n  "cache": { "enabeld": true }\n}\n`,
      errors: [{ messageId: 'unknown', line: 4, column: 14, suggestions: [{ title: 'Rename to enabled', output: `{\n  "name": "app",\n  // Workers Cache\n  "cache": { "enabled": true }\n}\n` }] }],
    },
    {
      filename: 'wrangler.staging.toml', name: 'env and exports sections',
      code: `${HEAD}\n[env.staging.cache]\nenabled = true\nbypass_cookies = ["session"]\n\n[exports.Api.cache]\nenabled = false\ncross_version = true\n`,
      errors: [
        { messageId: 'unknown', line: 7, message: '`env.staging.cache.bypass_cookies`', suggestions: [{ output: `${HEAD}\n[env.staging.cache]\nenabled = true\n\n[exports.Api.cache]\nenabled = false\ncross_version = true\n` }] },
        { messageId: 'unknown', line: 11, message: '`exports.Api.cache.cross_version`', suggestions: [{ output: `${HEAD}\n[env.staging.cache]\nenabled = true\nbypass_cookies = ["session"]\n\n[exports.Api.cache]\nenabled = false\n` }] },
      ],
    },
    {
      filename: W, name: 'cache = true instead of a table',
      code: `${HEAD}cache = true\n`,
      errors: [{ messageId: 'notTable', line: 4, column: 1, endColumn: 6, message: 'Workers Cache stays off' }],
    },
  ],
});
