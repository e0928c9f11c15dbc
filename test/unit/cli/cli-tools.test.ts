// --init, explain --cache-control and --debug: the CLI's helper commands.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { parseConfig } from '../../../server/src/engine/config';
import { ruleOptionDefaults } from '../../../server/src/rules';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const BAD_CC = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); } };\n`;

describe('edgelint helper commands', () => {
  const cleanups: (() => void)[] = [];
  const project = (files: Record<string, string>) => {
    const p = tempProject(files, 'edgelint-tools-');
    cleanups.push(p.remove);
    return p;
  };
  after(() => cleanups.forEach((c) => c()));

  it('--init writes a commented .edgelintrc.json that parses cleanly, and never overwrites', async () => {
    const p = project({ 'src/a.ts': BAD_CC });
    const run = await runCli(['--init'], p.root);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Wrote .*\.edgelintrc\.json/);
    const text = readFileSync(p.path('.edgelintrc.json'), 'utf8');
    assert.match(text, /^\/\/ edgelint config/);
    assert.deepEqual(parseConfig(text, ruleOptionDefaults).problems, []);
    assert.equal((await runCli(['--format', 'unix'], p.root)).stdout.split('\n').filter((l) => l.startsWith('.edgelintrc')).length, 0);
    writeFileSync(p.path('.edgelintrc.json'), '{ "mine": true }');
    const again = await runCli(['--init'], p.root);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists; not overwritten/);
    assert.equal(readFileSync(p.path('.edgelintrc.json'), 'utf8'), '{ "mine": true }');
  });

  it('explain --cache-control explains each directive and what each context does', async () => {
    const run = await runCli(['explain', '--cache-control', 'public, max-age=60, s-maxage=600'], '/');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^cache-control: public, max-age=60, s-maxage=600\n/);
    assert.match(run.stdout, /\n {2}s-maxage=600 {2}Fresh for 600 s/);
    for (const heading of ['Browser', 'Worker response with Workers Cache on (cache.enabled)', 'Worker response with Workers Cache off', 'Stored with cache.put (Workers Cache API)', '_headers on static assets (zone cache)']) {
      assert.ok(run.stdout.includes(`\n${heading}\n`), heading);
    }
    const json = JSON.parse((await runCli(['explain', '--cache-control', 'no-store', '--format', 'json'], '/')).stdout) as { edgeTtl?: number; contexts: { context: string; storedByEdge: boolean }[] };
    assert.deepEqual(json.contexts.map((c) => [c.context, c.storedByEdge]), [['workers-cache', false], ['worker-response', false], ['cache-put', false], ['headers-file', false]]);
    const cdn = await runCli(['explain', '--cache-control', 'max-age=60', '--header', 'CDN-Cache-Control'], '/');
    assert.match(cdn.stdout, /^cdn-cache-control: max-age=60/);
    assert.equal((await runCli(['explain', '--cache-control'], '/')).code, 2);
  });

  it('--debug names the config, the files parsed or ruled out before parsing, ignored files and rule timings', async () => {
    const p = project({ '.edgelintrc.json': '{ "ignores": ["legacy/**"] }', 'src/a.ts': BAD_CC, 'src/plain.ts': 'export const x = 1;\n', 'legacy/old.ts': BAD_CC });
    const run = await runCli(['--debug'], p.root);
    const lines = run.stderr.split('\n');
    assert.ok(lines.includes(`edgelint: debug: config: ${p.path('.edgelintrc.json')} (first used by .edgelintrc.json)`), run.stderr);
    assert.ok(lines.some((l) => /^edgelint: debug: src\/plain\.ts: not parsed: the pre-parse filters of all \d+ rules for its kind ruled it out$/.test(l)), run.stderr);
    assert.ok(lines.some((l) => /^edgelint: debug: src\/a\.ts: parsed; \d+ of \d+ rules passed their pre-parse filter$/.test(l)), run.stderr);
    assert.ok(lines.includes('edgelint: debug: legacy/old.ts: ignored by "ignores" in ' + p.path('.edgelintrc.json')), run.stderr);
    assert.ok(lines.includes('edgelint: debug: rule timings (total ms, files checked, files ruled out before parsing):'));
    assert.ok(lines.some((l) => /^edgelint: debug: {3}cc-syntax +\d+\.\d {2} +1 {2} +1$/.test(l)), run.stderr);
    assert.equal(run.stdout, (await runCli([], p.root)).stdout, '--debug never changes the report');
    assert.equal((await runCli([], p.root)).stderr, '');
  });
});
