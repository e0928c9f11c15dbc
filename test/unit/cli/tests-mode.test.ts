// The "tests" config option through the CLI (issue 7 §2): test and fixture code is linted at info by default, "off" skips
// it, "normal" lints it like any code; paths are relative to the config's folder (or the working folder).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { isTestPath } from '../../../server/src/engine/config';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const WRANGLER = `name = "w"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "1"\n`;
const BAD_TTL = `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 5 })); } };\n`;
const FILES = { 'wrangler.toml': WRANGLER, 'src/index.ts': BAD_TTL, 'src/index.test.ts': BAD_TTL, 'test/fixtures/app/worker.ts': BAD_TTL, 'e2e/smoke.ts': BAD_TTL };

it('isTestPath: test files and fixture folders, not look-alikes', () => {
  for (const p of ['src/a.test.ts', 'src/a.spec.js', 'src/__tests__/a.ts', 'test/a.ts', 'packages/x/tests/a.ts', 'fixtures/app/src/index.ts',
    'playground/index.ts', 'playgrounds/a/index.ts', 'e2e/a.ts']) assert.ok(isTestPath(p), p);
  for (const p of ['src/index.ts', 'src/testing.ts', 'src/contest/a.ts', 'src/latest.ts', '../test/a.ts']) assert.ok(!isTestPath(p), p);
});

describe('"tests" option', () => {
  const cleanups: (() => void)[] = [];
  const project = (files: Record<string, string>) => {
    const p = tempProject(files, 'edgelint-tests-');
    cleanups.push(p.remove);
    return p.root;
  };
  after(() => cleanups.forEach((c) => c()));
  const lines = (stdout: string, file: string) => stdout.split(`${file}\n`)[1]?.split('\n\n')[0] ?? '';

  it('default: test and fixture code is linted at info (exit code from src only)', async () => {
    const run = await runCli([], project(FILES));
    assert.equal(run.code, 1, run.stderr);
    assert.match(lines(run.stdout, 'src/index.ts'), /error .*kv-cachettl-below-minimum/);
    for (const file of ['src/index.test.ts', 'test/fixtures/app/worker.ts', 'e2e/smoke.ts']) assert.match(lines(run.stdout, file), /^\s+\S+:1:\d+\s+info\s+.*kv-cachettl-below-minimum/, file);
    const only = await runCli(['src/index.test.ts', 'e2e'], project(FILES));
    assert.equal(only.code, 0, only.stdout);
  });

  it('"off" skips test and fixture code; "normal" lints it like any code', async () => {
    const off = await runCli([], project({ ...FILES, '.edgelintrc.json': '{ "tests": "off" }' }));
    assert.equal(off.code, 1);
    assert.match(off.stdout, /src\/index\.ts/);
    assert.doesNotMatch(off.stdout, /index\.test\.ts|fixtures|e2e/);
    const normal = await runCli(['--format', 'json'], project({ ...FILES, '.edgelintrc.json': '{ "tests": "normal" }' }));
    const results = JSON.parse(normal.stdout) as { filePath: string; errorCount: number }[];
    assert.deepEqual(results.filter((r) => r.errorCount > 0).map((r) => r.filePath.replace(/^.*edgelint-tests-[^/]+\//, '')).sort(),
      ['e2e/smoke.ts', 'src/index.test.ts', 'src/index.ts', 'test/fixtures/app/worker.ts']);
  });

  it('an invalid "tests" value is a config error', async () => {
    const run = await runCli([], project({ ...FILES, '.edgelintrc.json': '{ "tests": "skip" }' }));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /"tests" must be "info", "off" or "normal"/);
  });
});
