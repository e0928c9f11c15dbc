// Table tests for wrangler-workers-sites-deprecated.
import rule from '../../../server/src/rules/wrangler/wrangler-workers-sites-deprecated';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { lintFile } from '../../../server/src/engine/linter';
import { runRuleTests } from '../../harness/rule-tester';
import { ROOT, virtualProject } from '../../harness/virtual-project';

const TOML_SITE = `name = "docs"
main = "src/index.ts"
compatibility_date = "2025-06-01"

[[kv_namespaces]]
binding = "CACHE"
id = "00000000000000000000000000000001"

[site]
bucket = "./public"
`;

runRuleTests(rule, {
  valid: [
    // A re-export shim is not a cause of its own.
    { filename: 'src/sites.ts', code: `export { getAssetFromKV, mapRequestToAsset } from '@cloudflare/kv-asset-handler';\nexport * from '@cloudflare/kv-asset-handler';\n` },
    // When the wrangler config sets [site], the config is the one finding; imports are its related locations.
    { name: 'imports are not reported when the config sets [site]', files: { 'wrangler.toml': `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n\n[site]\nbucket = "./public"\n` }, code: `import { getAssetFromKV } from '@cloudflare/kv-asset-handler';\nimport manifestJSON from '__STATIC_CONTENT_MANIFEST';\nexport default { fetch: (request, env, ctx) => getAssetFromKV({ request, waitUntil: ctx.waitUntil.bind(ctx) }) };` },
    { filename: 'wrangler.toml', code: `name = "docs"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\nassets = { directory = "./public" }\n` },
    { filename: 'wrangler.toml', name: '"site" in a comment and in a var name', code: `# migrated from Workers Sites\nname = "docs"\ncompatibility_date = "2025-06-01"\n\n[vars]\nsite_url = "https://example.com"\n\n[assets]\ndirectory = "./dist"\n` },
    { filename: 'wrangler.jsonc', name: 'a var called site is not Workers Sites', code: `{\n  "name": "docs",\n  "assets": { "directory": "./dist" },\n  "vars": { "site": "docs" },\n  "env": { "staging": { "vars": { "site": "staging" } } }\n}\n` },
    `import { Hono } from 'hono';\nimport { upgradeWebSocket } from 'hono/cloudflare-workers';\nconst app = new Hono();\napp.get('/ws', upgradeWebSocket(() => ({})));\nexport default app;`,
    `export default { async fetch(request, env) { return env.ASSETS.fetch(request); } };`,
    `// formerly used @cloudflare/kv-asset-handler\nconst note = 'see @cloudflare/kv-asset-handler and __STATIC_CONTENT_MANIFEST';\nexport default { fetch: () => new Response(note) };`,
    `import { getAssetFromKV } from './my-kv-asset-handler';\naddEventListener('fetch', (event) => event.respondWith(getAssetFromKV(event)));`,
    `import { serveStatic } from '@hono/node-server/serve-static';\napp.use('/static/*', serveStatic({ root: './' }));`,
    { filename: 'functions/api/[id].ts', code: `export const onRequestGet = async ({ env, params }) => env.ASSETS.fetch(new URL('/data/' + params.id + '.json', 'https://x'));` },
  ],
  invalid: [
    {
      filename: 'wrangler.toml', name: '[site] table after an array of tables',
      code: TOML_SITE,
      errors: [{
        messageId: 'configSite', line: 9, column: 2, endColumn: 6, severity: 'warn', message: 'deprecated in Wrangler v4',
        suggestions: [{
          title: 'Add assets = { directory = "./public" } (then remove [site])',
          output: TOML_SITE.replace('[site]', '# TODO: remove [site] and the kv-asset-handler code\n[assets]\ndirectory = "./public"\n\n[site]'),
        }],
      }],
    },
    {
      filename: 'wrangler.toml', name: '[env.production.site] table',
      code: `name = "docs"\ncompatibility_date = "2025-06-01"\n\n[env.production]\nroute = "docs.example.com/*"\n\n[env.production.site]\nbucket = "./dist"\n`,
      errors: [{
        messageId: 'configSite', line: 7, column: 2, message: '`env.production.site`',
        suggestions: [{ output: `name = "docs"\ncompatibility_date = "2025-06-01"\n\n[env.production]\nroute = "docs.example.com/*"\n\n# TODO: remove [site] and the kv-asset-handler code\n[env.production.assets]\ndirectory = "./dist"\n\n[env.production.site]\nbucket = "./dist"\n` }],
      }],
    },
    {
      filename: 'wrangler.toml', name: 'inline site inside an env table',
      code: `name = "docs"\ncompatibility_date = "2025-06-01"\n\n[env.staging]\nsite = { bucket = "./public", include = ["*.html"] }\nvars = { STAGE = "staging" }\n`,
      errors: [{
        messageId: 'configSite', line: 5, column: 1,
        suggestions: [{ title: /assets = \{ directory = "\.\/public" \}/, output: `name = "docs"\ncompatibility_date = "2025-06-01"\n\n[env.staging]\n# TODO: remove [site] and the kv-asset-handler code\nassets = { directory = "./public" }\nsite = { bucket = "./public", include = ["*.html"] }\nvars = { STAGE = "staging" }\n` }],
      }],
    },
    {
      filename: 'wrangler.toml', name: 'dotted keys: reported without a suggestion',
      code: `name = "docs"\ncompatibility_date = "2025-06-01"\nsite.bucket = "./public"\n`,
      errors: [{ messageId: 'configSite', line: 3, column: 1 }],
    },
    {
      filename: 'wrangler.json', name: 'JSON: property inserted before "site", no comment',
      code: `{\n  "name": "docs",\n  "compatibility_date": "2025-06-01",\n  "site": { "bucket": "./public" }\n}\n`,
      errors: [{
        messageId: 'configSite', line: 4, column: 3, endColumn: 9,
        suggestions: [{ title: 'Add "assets": { "directory": "./public" } (then remove "site")', output: `{\n  "name": "docs",\n  "compatibility_date": "2025-06-01",\n  "assets": { "directory": "./public" },\n  "site": { "bucket": "./public" }\n}\n` }],
      }],
    },
    {
      filename: 'wrangler.jsonc', name: 'JSONC: with a TODO comment',
      code: `{\n  // docs site\n  "name": "docs",\n  "site": {\n    "bucket": "./build",\n  },\n}\n`,
      errors: [{
        messageId: 'configSite', line: 4, column: 3,
        suggestions: [{ output: `{\n  // docs site\n  "name": "docs",\n  // TODO: remove "site" and the kv-asset-handler code\n  "assets": { "directory": "./build" },\n  "site": {\n    "bucket": "./build",\n  },\n}\n` }],
      }],
    },
    {
      filename: 'wrangler.jsonc', name: 'JSONC env on one line',
      code: `{ "name": "docs", "env": { "production": { "site": { "bucket": "dist" } } } }`,
      errors: [{
        messageId: 'configSite', line: 1, column: 44, message: '`env.production.site`',
        suggestions: [{ output: `{ "name": "docs", "env": { "production": { "assets": { "directory": "dist" }, "site": { "bucket": "dist" } } } }` }],
      }],
    },
    {
      filename: 'wrangler.toml', name: 'site and assets together: wrangler refuses to deploy',
      code: `name = "docs"\ncompatibility_date = "2025-06-01"\nassets = { directory = "./public" }\n\n[site]\nbucket = "./public"\n`,
      errors: [{ messageId: 'siteAndAssets', line: 5, column: 2, severity: 'error' }],
    },
    {
      name: 'module Worker with kv-asset-handler and the manifest',
      code: `import { getAssetFromKV } from '@cloudflare/kv-asset-handler';\nimport manifestJSON from '__STATIC_CONTENT_MANIFEST';\nconst assetManifest = JSON.parse(manifestJSON);\nexport default {\n  async fetch(request, env, ctx) {\n    return getAssetFromKV({ request, waitUntil: ctx.waitUntil.bind(ctx) }, { ASSET_NAMESPACE: env.__STATIC_CONTENT, ASSET_MANIFEST: assetManifest });\n  },\n};`,
      // One finding per file (its first Sites import), not one per import.
      errors: [{ messageId: 'kvAssetHandler', line: 1, column: 32, endColumn: 62, message: "'@cloudflare/kv-asset-handler'" }],
    },
    {
      name: 'service worker with require()',
      code: `const { getAssetFromKV, mapRequestToAsset } = require('@cloudflare/kv-asset-handler');\naddEventListener('fetch', (event) => event.respondWith(getAssetFromKV(event, { mapRequestToAsset })));`,
      errors: [{ messageId: 'kvAssetHandler', line: 1, column: 55 }],
    },
    {
      name: 'Hono serveStatic with the manifest',
      code: `import { Hono } from 'hono';\nimport { serveStatic } from 'hono/cloudflare-workers';\nimport manifest from '__STATIC_CONTENT_MANIFEST';\nconst app = new Hono();\napp.get('/static/*', serveStatic({ root: './', manifest }));\nexport default app;`,
      errors: [{ messageId: 'honoServeStatic', line: 2, column: 10, endColumn: 21 }],
    },
    {
      name: 'aliased serveStatic next to a supported import',
      code: `import { upgradeWebSocket, serveStatic as assets } from 'hono/cloudflare-workers';\napp.use('/*', assets({ root: './' }));`,
      errors: [{ messageId: 'honoServeStatic', line: 1, column: 28, endColumn: 49 }],
    },
    {
      filename: 'src/assets.ts', name: 'dynamic import next to a re-export: the re-export is skipped',
      code: `export { getAssetFromKV } from '@cloudflare/kv-asset-handler';\nexport async function serve(event: FetchEvent) {\n  const { serveSinglePageApp } = await import('@cloudflare/kv-asset-handler/dist/index');\n  return serveSinglePageApp;\n}`,
      errors: [{ messageId: 'kvAssetHandler', line: 3, column: 47 }],
    },
  ],
});

it('reports [site] once, with the Sites imports of the main entry as related locations (not the re-export shim)', () => {
  const { project } = virtualProject({
    'wrangler.toml': `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n\n[site]\nbucket = "./public"\n`,
    'src/index.ts': `import { getAssetFromKV } from '@cloudflare/kv-asset-handler';\nexport { mapRequestToAsset } from '@cloudflare/kv-asset-handler';\nimport manifestJSON from '__STATIC_CONTENT_MANIFEST';\nexport default {};\n`,
  });
  const path = `${ROOT}/wrangler.toml`;
  const text = `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n\n[site]\nbucket = "./public"\n`;
  const problems = lintFile({ path, text, rules: [rule], facts: project.factsFor(path) }).problems;
  assert.equal(problems.length, 1);
  assert.deepEqual(problems[0]!.related?.map((r) => [r.path, r.message, r.range?.start, r.range?.end]), [
    [`${ROOT}/src/index.ts`, "'@cloudflare/kv-asset-handler' (Workers Sites code to remove)", { line: 0, character: 31 }, { line: 0, character: 61 }],
    [`${ROOT}/src/index.ts`, "'__STATIC_CONTENT_MANIFEST' (Workers Sites code to remove)", { line: 2, character: 25 }, { line: 2, character: 52 }],
  ]);
});
