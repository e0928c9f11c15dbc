// How configs combine (nearest wins), --print-config's sources, rule option checks and two configs in one folder.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const BAD_CC = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); } };\n`;
const LOW_TTL = `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 40 })); } };\n`;

type Printed = {
  configFile: string | null; combining: string; kind: string; testCode: boolean;
  rules: Record<string, { severity: string; options?: Record<string, unknown>; from: string }>;
  tests: { value: string; from: string }; problems: { message: string; line: number; column: number }[];
};

describe('edgelint config combination', () => {
  const cleanups: (() => void)[] = [];
  const project = (files: Record<string, string>) => {
    const p = tempProject(files, 'edgelint-config-');
    cleanups.push(p.remove);
    return p;
  };
  after(() => cleanups.forEach((c) => c()));
  const printed = async (dir: string, file: string, extra: string[] = []) => JSON.parse((await runCli(['--print-config', file, ...extra], dir)).stdout) as Printed;

  it('the nearest config applies alone: a folder config does not inherit its parent\'s rules', async () => {
    const p = project({
      '.edgelintrc.json': '{ "rules": { "cc-syntax": "off" }, "tests": "off" }',
      'api/.edgelintrc.json': '{ "rules": { "kv-hot-key-write": "error" } }',
      'src/a.ts': BAD_CC, 'api/a.ts': BAD_CC,
    });
    const run = await runCli(['--format', 'unix'], p.root);
    assert.match(run.stdout, /^api\/a\.ts:.*cc-syntax/m);
    assert.doesNotMatch(run.stdout, /^src\/a\.ts:/m);
    const root = await printed(p.root, 'src/a.ts');
    assert.equal(root.configFile, '.edgelintrc.json');
    assert.deepEqual(root.rules['cc-syntax'], { severity: 'off', from: '.edgelintrc.json' });
    assert.deepEqual(root.tests, { value: 'off', from: '.edgelintrc.json' });
    assert.match(root.combining, /^nearest wins/);
    const nested = await printed(p.root, 'api/a.ts');
    assert.equal(nested.configFile, 'api/.edgelintrc.json');
    assert.deepEqual(nested.rules['cc-syntax'], { severity: 'error', from: 'default' });
    assert.deepEqual(nested.rules['kv-hot-key-write'], { severity: 'error', from: 'api/.edgelintrc.json' });
    assert.deepEqual(nested.tests, { value: 'info', from: 'default' });
  });

  it('--print-config shows --rule and --config as sources, options with defaults, and the kind', async () => {
    const p = project({ 'other.json': '{ "rules": { "kv-cachettl-below-minimum": ["warn", { "minimum": 60 }] } }', 'src/a.ts': LOW_TTL, 'wrangler.toml': 'name = "w"\n' });
    const shown = await printed(p.root, 'src/a.ts', ['--config', 'other.json', '--rule', 'cc-syntax:warn']);
    assert.equal(shown.kind, 'worker');
    assert.deepEqual(shown.rules['kv-cachettl-below-minimum'], { severity: 'warn', options: { minimum: 60 }, from: '--config other.json' });
    assert.deepEqual(shown.rules['cc-syntax'], { severity: 'warn', from: '--rule' });
    assert.equal(shown.rules['headers-syntax'], undefined, 'only rules for the file\'s kind');
    assert.equal((await printed(p.root, 'tests/a.test.ts')).testCode, true);
    assert.match((await runCli(['--config', 'other.json', '--format', 'unix'], p.root)).stdout, /kv-cachettl-below-minimum/);
  });

  it('rule options are checked: unknown keys warn at the key, wrong types fail at the value', async () => {
    const typo = project({ '.edgelintrc.json': '{\n  "rules": { "kv-cachettl-below-minimum": ["error", { "minimun": 60 }] }\n}\n', 'src/a.ts': LOW_TTL });
    const warned = await runCli(['--format', 'unix'], typo.root);
    assert.match(warned.stdout, /^\.edgelintrc\.json:2:55: Unknown option "minimun" for "kv-cachettl-below-minimum"; it takes "minimum"\. \[Warning\/config-error\]$/m);
    assert.deepEqual((await printed(typo.root, 'src/a.ts')).problems.map((x) => [x.line, x.column]), [[2, 55]]);
    const wrong = project({ '.edgelintrc.json': '{ "rules": { "kv-cachettl-below-minimum": ["error", { "minimum": "60" }] } }', 'src/a.ts': LOW_TTL });
    const failed = await runCli([], wrong.root);
    assert.equal(failed.code, 2);
    assert.match(failed.stderr, /invalid config .*\.edgelintrc\.json:1:66: Option "minimum" of "kv-cachettl-below-minimum" must be a number, got a string\./);
    const none = project({ '.edgelintrc.json': '{ "rules": { "cc-syntax": ["error", { "strict": true }] } }', 'src/a.ts': BAD_CC });
    assert.match((await runCli(['--format', 'unix'], none.root)).stdout, /Unknown option "strict" for "cc-syntax"; it takes no options\./);
  });

  it('.edgelintrc.json and package.json#edgelint in one folder: a warning names the winner', async () => {
    const p = project({
      '.edgelintrc.json': '{ "rules": { "cc-syntax": "warn" } }', '.edgelintrc': '{}',
      'package.json': '{ "name": "x", "edgelint": { "rules": { "cc-syntax": "off" } } }', 'src/a.ts': BAD_CC,
    });
    const run = await runCli(['--format', 'unix'], p.root);
    assert.match(run.stdout, /^\.edgelintrc\.json:1:1: package\.json#edgelint in this folder is ignored: \.edgelintrc\.json wins/m);
    assert.match(run.stdout, /^\.edgelintrc\.json:1:1: \.edgelintrc in this folder is ignored: \.edgelintrc\.json wins/m);
    assert.match(run.stdout, /^src\/a\.ts:.*\[Warning\/cc-syntax\]/m);
    const alone = project({ 'package.json': '{ "name": "x", "edgelint": { "rules": { "cc-syntax": "off" } } }', 'src/a.ts': BAD_CC });
    assert.equal((await runCli(['--format', 'unix'], alone.root)).stdout, '');
  });
});
