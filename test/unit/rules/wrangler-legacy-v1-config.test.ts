// Table tests for wrangler-legacy-v1-config.
import rule from '../../../server/src/rules/wrangler/wrangler-legacy-v1-config';
import { runRuleTests } from '../../harness/rule-tester';

const W = 'wrangler.toml';

runRuleTests(rule, {
  valid: [
    { filename: W, code: `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "1"\n` },
    { filename: W, name: 'custom build command (current [build])', code: `name = "app"\nmain = "dist/worker.js"\ncompatibility_date = "2025-06-01"\n\n[build]\ncommand = "npm run build"\nwatch_dir = "src"\n` },
    { filename: 'wrangler.jsonc', name: '"type" inside a binding is current syntax', code: `{\n  "name": "app",\n  "unsafe": { "bindings": [{ "name": "RL", "type": "ratelimit", "namespace_id": "1001" }] }\n}\n` },
    { filename: W, name: 'words in comments and vars', code: `# migrated from type = "webpack"\nname = "app"\ncompatibility_date = "2025-06-01"\n\n[vars]\nUPLOAD_LIMIT = "10"\nCONTENT_TYPE = "webpack_config"\n` },
    { filename: 'wrangler.staging.toml', name: 'env section with current fields only', code: `name = "app"\ncompatibility_date = "2025-06-01"\n\n[env.staging]\nkv_namespaces = [{ binding = "CACHE", id = "2" }]\n` },
  ],
  invalid: [
    {
      filename: W, name: 'type = "webpack" with a trailing comment (corpus shape)',
      code: `name = "legacy-site"\ntype = "webpack" # v1\nmain = "src/index.js"\n`,
      errors: [{
        messageId: 'type', line: 2, column: 1, endColumn: 5, severity: 'warn', message: '`type = "webpack"` is a Wrangler v1 field that current wrangler ignores',
        suggestions: [{ title: 'Remove the line', output: `name = "legacy-site"\nmain = "src/index.js"\n` }],
      }],
    },
    {
      filename: W, name: 'type and webpack_config together (CRLF)',
      code: `name = "paprika"\r\ntype = "webpack"\r\nwebpack_config = "webpack.config.js"\r\naccount_id = "abc"\r\n`,
      errors: [
        { messageId: 'type', line: 2, suggestions: [{ output: `name = "paprika"\r\nwebpack_config = "webpack.config.js"\r\naccount_id = "abc"\r\n` }] },
        { messageId: 'webpackConfig', line: 3, column: 1, endColumn: 15 },
      ],
    },
    {
      filename: W, name: '[build.upload] format = "service-worker"',
      code: `name = "app"\ntype = "javascript"\n\n[build]\ncommand = "npm run build"\n[build.upload]\nformat = "service-worker"\n`,
      errors: [
        { messageId: 'type', line: 2, message: '`type = "javascript"`', suggestions: [{ output: `name = "app"\n\n[build]\ncommand = "npm run build"\n[build.upload]\nformat = "service-worker"\n` }] },
        { messageId: 'buildUpload', line: 6, column: 2, message: '`build.upload`' },
      ],
    },
    {
      filename: W, name: 'kv-namespaces as arrays of tables',
      code: `name = "app"\n\n[[kv-namespaces]]\nbinding = "A"\nid = "1"\n\n[[kv-namespaces]]\nbinding = "B"\nid = "2"\n`,
      errors: [{
        messageId: 'kvHyphen', line: 3, message: 'these KV bindings do not exist',
        suggestions: [{ title: 'Rename to kv_namespaces', output: `name = "app"\n\n[[kv_namespaces]]\nbinding = "A"\nid = "1"\n\n[[kv_namespaces]]\nbinding = "B"\nid = "2"\n` }],
      }],
    },
    {
      filename: W, name: 'env sections: inline kv-namespaces and type in a table',
      code: `name = "app"\n\n[env.production]\ntype = "rust"\nkv-namespaces = [{ binding = "A", id = "1" }]\n`,
      errors: [
        { messageId: 'type', line: 4, message: '`env.production.type = "rust"`', suggestions: [{ output: `name = "app"\n\n[env.production]\nkv-namespaces = [{ binding = "A", id = "1" }]\n` }] },
        { messageId: 'kvHyphen', line: 5, message: '`env.production.kv-namespaces`', suggestions: [{ output: `name = "app"\n\n[env.production]\ntype = "rust"\nkv_namespaces = [{ binding = "A", id = "1" }]\n` }] },
      ],
    },
    {
      filename: 'wrangler.json', name: 'JSON: reported, no line removal offered',
      code: `{\n  "name": "app",\n  "type": "webpack",\n  "kv-namespaces": [{ "binding": "A", "id": "1" }]\n}\n`,
      errors: [
        { messageId: 'type', line: 3, column: 3 },
        { messageId: 'kvHyphen', line: 4, suggestions: [{ output: `{\n  "name": "app",\n  "type": "webpack",\n  "kv_namespaces": [{ "binding": "A", "id": "1" }]\n}\n` }] },
      ],
    },
  ],
});
