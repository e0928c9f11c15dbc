// CLI and file kinds: explicit files of unknown name (linted by content or reported), a `_headers` folder, wrangler variants.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

/** `file:line:col severity rule message` per problem from a JSON run. */
async function lint(root: string, args: string[]): Promise<{ code: number; problems: string[] }> {
  const run = await runCli(['--format', 'json', ...args], root);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  const problems = (JSON.parse(run.stdout) as any[]).flatMap((f) => f.messages.map((m: any) =>
    `${f.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`));
  return { code: run.code, problems };
}

describe('files named on the command line', () => {
  it('an unknown name is linted by content when it can be (a bash shebang -> shell), else reported as a warning', async () => {
    const p = tempProject({
      'hooks/post-deploy': '#!/usr/bin/env bash\n# warm the cache\nfor p in / /a; do curl -s -o /dev/null https://example.com$p; done\n',
      'notes.txt': 'hello\n',
    });
    try {
      const { code, problems } = await lint(p.root, ['hooks/post-deploy', 'notes.txt']);
      assert.equal(code, 0);
      assert.equal(problems.length, 2, problems.join('\n'));
      assert.match(problems[0]!, /^hooks\/post-deploy:3:19 1 kv-deploy-warming `curl … https:\/\/example.com\$p` in a warm-up script \(the comment "warm the cache"\) requests URLs in a for loop/);
      assert.equal(problems[1], 'notes.txt:1:1 1 file-error Not a file edgelint understands (notes.txt): it lints Worker sources (JS/TS), wrangler config, _headers, package.json, CI workflows and shell scripts; not linted.');
    } finally { p.remove(); }
  });
  it('a walk still skips unknown files silently (only explicit ones are reported)', async () => {
    const p = tempProject({ 'notes.txt': 'hello\n', 'src/index.ts': 'export default {};\n' });
    try {
      assert.deepEqual((await lint(p.root, ['.'])).problems, []);
    } finally { p.remove(); }
  });
  it('a `_headers` folder, walked or named, is one headers-file-location problem on the folder and nothing inside it is linted', async () => {
    const p = tempProject({ 'public/_headers/a': '/*\n  Cache-Control: public; max-age=60\n', 'public/_headers/_headers': '/*\n  Cache-Control: public; max-age=60\n' });
    try {
      for (const args of [['.'], ['public/_headers']]) {
        const { code, problems } = await lint(p.root, args);
        assert.equal(code, 0);
        assert.deepEqual(problems, ['public/_headers:1:1 1 headers-file-location This is a folder, but Cloudflare reads a file named `_headers`: the header rules in it are never applied.']);
      }
      assert.deepEqual((await lint(p.root, ['--rule', 'headers-file-location:error', '.'])), { code: 1, problems: ['public/_headers:1:1 2 headers-file-location This is a folder, but Cloudflare reads a file named `_headers`: the header rules in it are never applied.'] });
      assert.deepEqual((await lint(p.root, ['--rule', 'headers-file-location:off'])).problems, []);
    } finally { p.remove(); }
  });
  it('a `_headers` folder is not reported when the config turns headers-file-location off', async () => {
    const p = tempProject({ '.edgelintrc.json': '{ "rules": { "headers-file-location": "off" } }', 'dist/_headers/a': 'x' });
    try {
      assert.deepEqual((await lint(p.root, [])).problems, []);
    } finally { p.remove(); }
  });
  it('a `_headers` folder under a path the config ignores is not reported', async () => {
    const p = tempProject({ '.edgelintrc.json': '{ "ignores": ["dist/**"] }', 'dist/_headers/a': 'x' });
    try {
      assert.deepEqual((await lint(p.root, [])).problems, []);
    } finally { p.remove(); }
  });
});

describe('wrangler config variants', () => {
  it('wrangler.staging.toml and wrangler-dev.jsonc are checked by the wrangler rules; disable comments work in them', async () => {
    const p = tempProject({
      'wrangler.staging.toml': 'name = "app"\ncompatibility_date = "2025-06-01"\n[site]\nbucket = "./public"\n',
      'wrangler-dev.jsonc': '{\n  "compatibility_date": "2025-06-01",\n  // edgelint-disable-next-line\n  "site": { "bucket": "./public" }\n}\n',
      'wrangler.schema.yaml': 'x: 1\n',
    });
    try {
      const { problems } = await lint(p.root, ['.']);
      assert.deepEqual(problems.map((x) => x.split(' ').slice(0, 3).join(' ')), ['wrangler.staging.toml:3:2 1 wrangler-workers-sites-deprecated']);
    } finally { p.remove(); }
  });
});
