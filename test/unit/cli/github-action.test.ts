// action.yml: every input reaches the CLI through a real flag, and the composite step's script runs the CLI as documented.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseArgs } from '../../../server/src/cli/args';
import { ruleIds } from '../../../server/src/rules';
import { tempProject } from '../../harness/temp-project';

const ROOT = join(__dirname, '../../..');
type Step = { name: string; shell?: string; run?: string; uses?: string; if?: string; env?: Record<string, string>; with?: Record<string, string> };
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string; description: string }>; runs: { using: string; steps: Step[] } };
const runStep = action.runs.steps.find((s) => s.run)!;
const BAD_TTL = `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 5 })); } };\n`;
const BAD_CC = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); } };\n`;

describe('edgelint GitHub Action', () => {
  const cleanups: (() => void)[] = [];
  after(() => cleanups.forEach((c) => c()));

  it('is a composite action whose inputs each reach the script, and whose flags the CLI accepts', () => {
    assert.equal(action.runs.using, 'composite');
    for (const [name, input] of Object.entries(action.inputs)) {
      assert.ok(input.description, name);
      const usedInEnv = Object.values(runStep.env ?? {}).some((v) => v.includes(`inputs.${name} }}`));
      const usedElsewhere = JSON.stringify(action.runs.steps).includes(`inputs.${name}`);
      assert.ok(usedInEnv || usedElsewhere, `input ${name} is used`);
    }
    assert.doesNotMatch(runStep.run!, /\$\{\{/, 'inputs are passed through env, never pasted into the script');
    const flags = [...new Set(runStep.run!.match(/(?<=[\s(])--[a-z-]+/g))].filter((f) => f !== '--yes');
    assert.deepEqual(flags.sort(), ['--config', '--format', '--max-warnings', '--output-file']);
    const valueFor: Record<string, string> = { '--config': 'x.json', '--format': 'github', '--max-warnings': '0', '--output-file': 'e.sarif' };
    for (const flag of flags) assert.doesNotThrow(() => parseArgs([flag, valueFor[flag]!], ruleIds), flag);
    assert.doesNotThrow(() => parseArgs(['--format', 'sarif'], ruleIds));
    const upload = action.runs.steps.find((s) => s.uses)!;
    assert.match(upload.uses!, /^github\/codeql-action\/upload-sarif@v\d+$/);
    assert.match(upload.if!, /inputs\.sarif == 'true'/);
  });

  it('its script runs the installed CLI: annotations, --max-warnings, and a SARIF file when asked', () => {
    assert.ok(existsSync(join(ROOT, 'dist/cli.js')), 'run `npm run build` first');
    const p = tempProject({ 'wrangler.toml': 'name = "w"\ncompatibility_date = "2025-06-01"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "1"\n', 'src/a.ts': BAD_CC, 'lib/b.ts': BAD_TTL }, 'edgelint-action-');
    cleanups.push(p.remove);
    mkdirSync(p.path('node_modules/.bin'), { recursive: true });
    symlinkSync(join(ROOT, 'dist/cli.js'), p.path('node_modules/.bin/edgelint'));
    const inputs = (overrides: Record<string, string>) => Object.fromEntries(Object.entries(runStep.env!).map(([env, expr]) => {
      const name = /inputs\.([\w-]+)/.exec(expr)![1]!;
      return [env, overrides[name] ?? action.inputs[name]!.default];
    }));
    const script = (overrides: Record<string, string>) => spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', runStep.run!], { cwd: p.root, encoding: 'utf8', env: { ...process.env, ...inputs(overrides) }, timeout: 60_000 });
    const warnOnly = script({ paths: 'src/**/*.ts' });
    assert.equal(warnOnly.status, 0, warnOnly.stderr);
    assert.match(warnOnly.stdout, /^::warning file=src\/a\.ts,line=1,/m);
    assert.equal(script({ paths: 'src', 'max-warnings': '0' }).status, 1);
    const withSarif = script({ sarif: 'true', 'sarif-file': 'reports/edgelint.sarif' });
    assert.equal(withSarif.status, 1);
    assert.match(withSarif.stdout, /^::error file=lib\/b\.ts,line=1,.*kv-cachettl-below-minimum/m);
    const sarif = JSON.parse(readFileSync(p.path('reports/edgelint.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    assert.deepEqual(sarif.runs[0]!.results.map((r) => r.ruleId).sort(), ['cc-syntax', 'kv-cachettl-below-minimum']);
  });
});
