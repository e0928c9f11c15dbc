// `--cache`: unchanged files are not re-linted, and changes to the file, config, wrangler files or imported helpers invalidate.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const WRANGLER = `name = "w"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "1"\n`;
const BAD_CC = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); } };\n`;
const HELPER = `export async function getCached(kv: KVNamespace, key: string, ttl: number) {\n  return kv.get(key, { cacheTtl: ttl });\n}\n`;
const HELPER_OK = `export async function getCached(kv: KVNamespace, key: string, ttl: number) {\n  return kv.get(key);\n}\n`;
const CALLER = `import { getCached } from './helper';\nexport const handler = (env) => getCached(env.CACHE, 'home', 5);\n`;
const UNTYPED_CALL = `export default { async fetch(req, env) { await env.CACHE.put('k', 'v'); return new Response('x'); } };\n`;

/** Files linted and taken from the cache, from `--debug` lines. */
function debugged(stderr: string) {
  const names = (re: RegExp) => [...stderr.matchAll(re)].map((m) => m[1]!).sort();
  return { linted: names(/debug: linted: (\S+)/g), cached: names(/debug: cache hit: (\S+)/g) };
}

describe('edgelint --cache', () => {
  const cleanups: (() => void)[] = [];
  const project = (files: Record<string, string>) => {
    const p = tempProject(files, 'edgelint-cache-');
    cleanups.push(p.remove);
    return p;
  };
  after(() => cleanups.forEach((c) => c()));
  const run = (dir: string, extra: string[] = []) => runCli(['--cache', '--debug', '--format', 'json', ...extra], dir);

  it('a second run lints nothing and prints exactly what an uncached run prints', async () => {
    const p = project({ 'wrangler.toml': WRANGLER, 'src/index.ts': BAD_CC, 'src/ok.ts': 'export const x = 1;\n' });
    const first = await run(p.root);
    assert.deepEqual(debugged(first.stderr), { linted: ['src/index.ts', 'src/ok.ts', 'wrangler.toml'], cached: [] });
    assert.ok(existsSync(p.path('.edgelintcache')), 'default location is .edgelintcache');
    const second = await run(p.root);
    assert.deepEqual(debugged(second.stderr), { linted: [], cached: ['src/index.ts', 'src/ok.ts', 'wrangler.toml'] });
    const uncached = await runCli(['--format', 'json'], p.root);
    assert.equal(second.stdout, uncached.stdout);
    assert.equal(second.code, uncached.code);
    const stylishCached = await runCli(['--cache'], p.root);
    assert.equal(stylishCached.stdout, (await runCli([], p.root)).stdout);
    assert.match(stylishCached.stdout, /cc-syntax/);
  });

  it('a run that takes everything from the cache leaves the cache file untouched; a run that lints rewrites it', async () => {
    const p = project({ 'wrangler.toml': WRANGLER, 'src/index.ts': BAD_CC });
    await run(p.root);
    writeFileSync(p.path('.edgelintcache'), `${readFileSync(p.path('.edgelintcache'), 'utf8')}\n`); // a marker byte
    await run(p.root);
    assert.ok(readFileSync(p.path('.edgelintcache'), 'utf8').endsWith('\n'), 'rewritten although nothing was linted');
    p.write('src/index.ts', `${BAD_CC}// changed\n`);
    await run(p.root);
    assert.ok(!readFileSync(p.path('.edgelintcache'), 'utf8').endsWith('\n'), 'not rewritten after a lint');
  });

  it('a run without --cache deletes the cache file (as ESLint does), but never a file that is not an edgelint cache', async () => {
    const p = project({ 'src/index.ts': BAD_CC });
    await run(p.root);
    assert.ok(existsSync(p.path('.edgelintcache')));
    await runCli(['--format', 'json'], p.root);
    assert.ok(!existsSync(p.path('.edgelintcache')), 'kept after a run without --cache');
    writeFileSync(p.path('.edgelintcache'), 'my notes\n');
    await runCli(['--format', 'json'], p.root);
    assert.equal(readFileSync(p.path('.edgelintcache'), 'utf8'), 'my notes\n');
  });

  it('a changed file is linted again; the others come from the cache', async () => {
    const p = project({ 'wrangler.toml': WRANGLER, 'src/index.ts': BAD_CC, 'src/ok.ts': 'export const x = 1;\n' });
    await run(p.root);
    p.write('src/ok.ts', BAD_CC);
    const second = await run(p.root);
    assert.deepEqual(debugged(second.stderr), { linted: ['src/ok.ts'], cached: ['src/index.ts', 'wrangler.toml'] });
    const files = JSON.parse(second.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    assert.ok(files.find((f) => f.filePath.endsWith('ok.ts'))!.messages.some((m) => m.ruleId === 'cc-syntax'));
  });

  it('a config change re-lints the files it governs', async () => {
    const p = project({ 'wrangler.toml': WRANGLER, 'src/index.ts': BAD_CC });
    await run(p.root);
    p.write('.edgelintrc.json', '{ "rules": { "cc-syntax": "off" } }\n');
    const second = await run(p.root);
    assert.deepEqual(debugged(second.stderr).cached, []);
    assert.doesNotMatch(second.stdout, /cc-syntax/);
    assert.deepEqual(debugged((await run(p.root)).stderr).linted, []);
    assert.match((await run(p.root, ['--rule', 'cc-syntax:error'])).stdout, /cc-syntax/, 'a --rule override is part of the key');
  });

  it('a wrangler.toml change re-lints sources whose bindings it declares', async () => {
    const p = project({ 'wrangler.toml': WRANGLER.replace('CACHE', 'OTHER'), 'src/index.ts': UNTYPED_CALL });
    const first = await run(p.root);
    assert.match(first.stdout, /kv-binding-unresolved/);
    p.write('wrangler.toml', WRANGLER);
    const second = await run(p.root);
    assert.ok(debugged(second.stderr).linted.includes('src/index.ts'));
    assert.doesNotMatch(second.stdout, /kv-binding-unresolved/);
    assert.match(second.stdout, /kv-hot-key-write/);
  });

  it('a wrangler.toml created nearer to the file (looked for and absent before) invalidates', async () => {
    const p = project({ 'wrangler.toml': WRANGLER.replace('CACHE', 'OTHER'), 'api/src/index.ts': UNTYPED_CALL });
    assert.match((await run(p.root, ['api'])).stdout, /kv-binding-unresolved/);
    p.write('api/wrangler.toml', WRANGLER);
    const second = await run(p.root, ['api']);
    assert.ok(debugged(second.stderr).linted.includes('api/src/index.ts'));
    assert.doesNotMatch(second.stdout, /kv-binding-unresolved/);
    assert.match(second.stdout, /kv-hot-key-write/);
  });

  it('a change to an imported helper re-lints its importer', async () => {
    const p = project({ 'wrangler.toml': WRANGLER, 'src/index.ts': CALLER, 'src/helper.ts': HELPER_OK });
    const first = await run(p.root, ['src/index.ts']);
    assert.doesNotMatch(first.stdout, /kv-cachettl-below-minimum/);
    assert.deepEqual(debugged((await run(p.root, ['src/index.ts'])).stderr).linted, []);
    p.write('src/helper.ts', HELPER);
    const second = await run(p.root, ['src/index.ts']);
    assert.deepEqual(debugged(second.stderr).linted, ['src/index.ts']);
    assert.equal(second.stdout, (await runCli(['--format', 'json', 'src/index.ts'], p.root)).stdout);
    assert.match(second.stdout, /kv-cachettl-below-minimum/);
  });

  it('a module appearing where an import resolves first (./helper.ts before ./helper.js) invalidates', async () => {
    const p = project({ 'wrangler.toml': WRANGLER, 'src/index.ts': CALLER.replace("'./helper'", "'./helper.js'"), 'src/helper.js': HELPER_OK.replace(/: \w+/g, '') });
    assert.doesNotMatch((await run(p.root, ['src/index.ts'])).stdout, /kv-cachettl-below-minimum/);
    p.write('src/helper.ts', HELPER);
    const second = await run(p.root, ['src/index.ts']);
    assert.deepEqual(debugged(second.stderr).linted, ['src/index.ts']);
    assert.match(second.stdout, /kv-cachettl-below-minimum/);
  });

  it('--cache-location takes a file or a folder; a corrupt cache starts over', async () => {
    const p = project({ 'src/index.ts': BAD_CC });
    await run(p.root, ['--cache-location', 'tmp/lint.cache']);
    assert.ok(existsSync(p.path('tmp/lint.cache')));
    mkdirSync(p.path('caches'));
    await run(p.root, ['--cache-location', 'caches']);
    assert.ok(existsSync(join(p.path('caches'), '.edgelintcache')));
    writeFileSync(p.path('caches/.edgelintcache'), '{ not json');
    const again = await run(p.root, ['--cache-location', 'caches']);
    assert.deepEqual(debugged(again.stderr).linted, ['src/index.ts']);
    assert.match(readFileSync(join(p.path('caches'), '.edgelintcache'), 'utf8'), /"format":2/);
  });

  it('--fix with --cache fixes files whose cached result has fixes', async () => {
    const p = project({ 'src/index.ts': `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public, max-age=60, max-age=60' } }); } };\n` });
    const before = await run(p.root);
    const fixable = (JSON.parse(before.stdout) as { fixableErrorCount: number; fixableWarningCount: number }[])[0]!;
    if (fixable.fixableErrorCount + fixable.fixableWarningCount === 0) return assert.fail('test needs a fixable problem');
    const fixed = await run(p.root, ['--fix']);
    assert.deepEqual(debugged(fixed.stderr).linted, ['src/index.ts']);
    assert.notEqual(readFileSync(p.path('src/index.ts'), 'utf8'), '');
    assert.deepEqual(debugged((await run(p.root, ['--fix'])).stderr).linted, [], 'the fixed text was cached');
  });
});
