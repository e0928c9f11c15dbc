// Table tests for headers-file-location (the `_headers` folder case is tested with the CLI in test/unit/cli/file-kinds.test.ts).
import rule from '../../../server/src/rules/headers/headers-file-location';
import { runRuleTests } from '../../harness/rule-tester';

const CODE = `/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n`;
const ASSETS_DIST = { 'wrangler.toml': `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n\n[assets]\ndirectory = "./dist"\n` };
const ASSETS_JSONC = { 'wrangler.jsonc': `{\n  "name": "site",\n  // static build\n  "assets": { "directory": "./build/client" }\n}\n` };
const PAGES = { 'wrangler.toml': `name = "blog"\ncompatibility_date = "2025-06-01"\npages_build_output_dir = "./out"\n` };
const MONOREPO = {
  'wrangler.toml': `name = "root"\ncompatibility_date = "2025-06-01"\n`,
  'apps/web/wrangler.jsonc': `{ "name": "web", "assets": { "directory": "dist" } }\n`,
};
const ENV_ONLY = { 'wrangler.toml': `name = "app"\ncompatibility_date = "2025-06-01"\n\n[env.production.assets]\ndirectory = "./site"\n` };

runRuleTests(rule, {
  valid: [
    { filename: 'dist/_headers', code: CODE, files: ASSETS_DIST },
    { filename: 'public/_headers', name: 'public/ is copied into dist/ by Vite and most frameworks', code: CODE, files: ASSETS_DIST },
    { filename: 'static/_headers', name: 'SvelteKit static/', code: CODE, files: ASSETS_JSONC },
    { filename: 'out/_headers', name: 'Pages build output', code: CODE, files: PAGES },
    { filename: 'apps/web/public/_headers', name: 'monorepo: nearest config decides', code: CODE, files: MONOREPO },
    { filename: '_headers', name: 'no assets folder configured: nothing to compare with', code: CODE },
    { filename: 'site/_headers', name: 'assets folder set only in an env', code: CODE, files: ENV_ONLY },
    { filename: 'build/client/nested/_headers', name: 'any depth inside the assets folder', code: CODE, files: ASSETS_JSONC },
  ],
  invalid: [
    {
      filename: '_headers', name: 'at the project root while assets deploy ./dist', code: CODE, files: ASSETS_DIST,
      errors: [{ messageId: 'outside', line: 1, column: 1, endColumn: 10, severity: 'warn', message: 'This _headers is outside "./dist" (assets.directory in wrangler.toml), so no deploy reads it.' }],
    },
    {
      filename: 'src/_headers', name: 'next to the Worker code', code: CODE, files: ASSETS_JSONC,
      errors: [{ messageId: 'outside', message: '"./build/client" (assets.directory in wrangler.jsonc)' }],
    },
    {
      filename: '_headers', name: 'Pages project: root instead of the build output', code: `# headers\n/*\n  X-Frame-Options: DENY\n`, files: PAGES,
      errors: [{ messageId: 'outside', line: 1, column: 1, endColumn: 10, message: '"./out" (pages_build_output_dir in wrangler.toml)' }],
    },
    {
      filename: 'apps/web/_headers', name: 'monorepo app root', code: CODE, files: MONOREPO,
      errors: [{ messageId: 'outside', message: '"dist" (assets.directory in wrangler.jsonc)' }],
    },
    {
      filename: 'config/_headers', name: 'env-only assets folder; empty file', code: '', files: ENV_ONLY,
      errors: [{ messageId: 'outside', message: '"./site" (env.production.assets.directory in wrangler.toml)' }],
    },
  ],
});
