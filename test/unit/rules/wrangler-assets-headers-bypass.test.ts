// Table tests for wrangler-assets-headers-bypass.
import rule from '../../../server/src/rules/wrangler/wrangler-assets-headers-bypass';
import { runRuleTests } from '../../harness/rule-tester';
import { NO_WRANGLER } from '../../harness/virtual-project';

const config = (assets: string) => ({ 'wrangler.toml': `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2026-01-01"\n\n[assets]\ndirectory = "./public"\nbinding = "ASSETS"\n${assets}` });
const HEADERS = `/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n/api/*\n  Cache-Control: no-store\n`;
const FN = 'export const onRequestGet = () => new Response("ok");';

runRuleTests(rule, {
  valid: [
    { name: 'assets first (the default)', filename: 'public/_headers', code: HEADERS, files: config('') },
    { name: 'run_worker_first = false', filename: 'public/_headers', code: HEADERS, files: config('run_worker_first = false\n') },
    { name: 'patterns that miss every rule', filename: 'public/_headers', code: `/assets/*\n  Cache-Control: public, max-age=31536000\n`, files: config('run_worker_first = ["/api/*"]\n') },
    { name: 'a negated pattern hands the rule path back to the assets', filename: 'public/_headers', code: `/assets/*\n  X-Frame-Options: DENY\n`, files: config('run_worker_first = ["/*", "!/assets/*"]\n') },
    { name: 'Pages: Functions for other paths only', filename: 'public/_headers', code: `/static/*\n  Cache-Control: public, max-age=86400\n`,
      files: { 'wrangler.toml': 'name = "site"\npages_build_output_dir = "./public"\n', 'functions/api/[id].ts': FN } },
    { name: 'Pages: a root catch-all Function usually hands files back with next()', filename: 'public/_headers', code: `/*\n  X-Frame-Options: DENY\n`,
      files: { 'wrangler.toml': 'name = "site"\npages_build_output_dir = "./public"\n', 'functions/[[path]].ts': FN } },
    { name: 'a catch-all rule is meant for the assets: silent unless code serves every path', filename: 'public/_headers', code: `/*\n  X-Frame-Options: DENY\n`,
      files: { 'wrangler.toml': 'name = "site"\npages_build_output_dir = "./public"\n', 'functions/api/contact.ts': FN, 'functions/_utils/cache.ts': 'export const ttl = 60;' } },
    { name: 'Pages: middleware serves no route of its own', filename: 'dist/_headers', code: `/admin/*\n  Cache-Control: no-store\n`,
      files: { 'wrangler.toml': 'name = "site"\npages_build_output_dir = "./dist"\n', 'functions/admin/_middleware.ts': 'export const onRequest = (c) => c.next();' } },
  ],
  invalid: [
    {
      name: 'run_worker_first = true: every rule',
      filename: 'public/_headers', code: HEADERS, files: config('run_worker_first = true\n'),
      errors: [
        { messageId: 'bypassed', line: 1, column: 1, endColumn: 10, message: "'/assets/*' goes to the Worker (run_worker_first = true) first" },
        { messageId: 'bypassed', line: 3, column: 1 },
      ],
    },
    {
      name: 'a pattern covering one rule (wrangler.jsonc)',
      filename: 'public/_headers', code: HEADERS,
      files: { 'wrangler.jsonc': '{ "name": "app", "main": "src/index.ts", "assets": { "directory": "./public", "run_worker_first": ["/api/*"] } }' },
      errors: [{ messageId: 'bypassed', line: 3, message: 'run_worker_first "/api/*")' }],
    },
    {
      name: 'a pattern in an environment',
      filename: 'public/_headers', code: `/api/users\n  Cache-Control: private\n`,
      files: config('\n[env.staging.assets]\ndirectory = "./public"\nrun_worker_first = ["/api/*"]\n'),
      errors: [{ messageId: 'bypassed', line: 1 }],
    },
    {
      name: 'Pages: a Function route with a parameter',
      filename: 'public/_headers', code: `/api/*\n  Cache-Control: no-store\n/img/*\n  Cache-Control: public, max-age=86400\n`,
      files: { 'wrangler.toml': 'name = "site"\npages_build_output_dir = "./public"\n', 'functions/api/[id].ts': FN, 'functions/api/lib/db.d.ts': 'export {};' },
      errors: [{ messageId: 'bypassed', line: 1, message: 'the Pages Function functions/api/[id].ts' }],
    },
    {
      name: 'Pages without a wrangler config: index route and a nested catch-all',
      filename: 'dist/_headers', code: `/\n  Cache-Control: public, max-age=600\n/docs/guide\n  X-Robots-Tag: noindex\n`,
      files: { 'package.json': '{ "name": "site" }', [NO_WRANGLER]: '', 'functions/index.js': FN, 'functions/docs/[[slug]].js': FN },
      errors: [
        { messageId: 'bypassed', line: 1, message: 'functions/index.js' },
        { messageId: 'bypassed', line: 3, message: 'functions/docs/[[slug]].js' },
      ],
    },
  ],
});
