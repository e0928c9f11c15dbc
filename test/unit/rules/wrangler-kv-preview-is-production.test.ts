// Table tests for wrangler-kv-preview-is-production.
import rule from '../../../server/src/rules/wrangler/wrangler-kv-preview-is-production';
import { runRuleTests } from '../../harness/rule-tester';

const ID = '5c1b7e0a9d8f4e3b2a1c0d9e8f7a6b5c';
const PREVIEW = '0f9e8d7c6b5a49382716059483726150';
const HEAD = `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n`;

runRuleTests(rule, {
  valid: [
    { filename: 'wrangler.toml', code: `${HEAD}\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "${ID}"\npreview_id = "${PREVIEW}"\n` },
    { filename: 'wrangler.toml', name: 'no preview_id (local dev uses local storage)', code: `${HEAD}\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "${ID}"\n` },
    { filename: 'wrangler.toml', name: 'preview_id only (dev-only binding)', code: `${HEAD}\n[[kv_namespaces]]\nbinding = "CACHE"\npreview_id = "${PREVIEW}"\n` },
    { filename: 'wrangler.jsonc', name: 'JSONC with distinct ids; the same id in another binding is fine', code: `{\n  "name": "app",\n  "kv_namespaces": [\n    { "binding": "A", "id": "${ID}", "preview_id": "${PREVIEW}" },\n    { "binding": "B", "id": "${PREVIEW}" }\n  ]\n}\n` },
    { filename: 'wrangler.staging.toml', name: 'env section with its own preview namespace', code: `${HEAD}\n[env.staging]\nkv_namespaces = [{ binding = "CACHE", id = "${ID}", preview_id = "${PREVIEW}" }]\n` },
    { filename: 'wrangler.toml', name: 'preview_id in a comment', code: `${HEAD}\n# preview_id = id is a bad idea\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "${ID}"\n` },
  ],
  invalid: [
    {
      filename: 'wrangler.toml', name: 'top-level array of tables',
      code: `${HEAD}\n[[kv_namespaces]]\nbinding = "CONTENT"\nid = "${ID}"\npreview_id = "${ID}"\n`,
      errors: [{ messageId: 'same', line: 8, column: 14, endColumn: 48, severity: 'info', message: '`preview_id` of KV binding "CONTENT"' }],
    },
    {
      filename: 'wrangler.toml', name: 'inline table in an env, upper-case copy of the id',
      code: `${HEAD}\n[env.production]\nkv_namespaces = [\n  { binding = "SESSIONS", id = "${ID}", preview_id = "${ID.toUpperCase()}" },\n]\n`,
      errors: [{ messageId: 'same', line: 7, message: '"SESSIONS" in env.production' }],
    },
    {
      filename: 'wrangler.jsonc', name: 'JSONC (C3 template shape)',
      code: `{\n  "$schema": "node_modules/wrangler/config-schema.json",\n  "name": "app",\n  // KV\n  "kv_namespaces": [{ "binding": "CACHE", "id": "${ID}", "preview_id": "${ID}" }]\n}\n`,
      errors: [{ messageId: 'same', line: 5, message: '`wrangler dev --remote` uses production data' }],
    },
    {
      filename: 'wrangler.json', name: 'two bindings, one wrong',
      code: `{\n  "kv_namespaces": [\n    { "binding": "A", "id": "${PREVIEW}", "preview_id": "${PREVIEW}" },\n    { "binding": "B", "id": "${ID}", "preview_id": "${PREVIEW}" }\n  ]\n}\n`,
      errors: [{ messageId: 'same', line: 3, message: '"A"' }],
    },
    {
      filename: 'wrangler-dev.toml', name: 'config variant, top level and env both wrong',
      code: `${HEAD}\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "${ID}"\npreview_id = "${ID}"\n\n[[env.dev.kv_namespaces]]\nbinding = "CACHE"\nid = "${PREVIEW}"\npreview_id = "${PREVIEW}"\n`,
      errors: [{ messageId: 'same', line: 8 }, { messageId: 'same', line: 13, message: 'in env.dev' }],
    },
  ],
});
