// Packaging: `npm pack` ships only what runs (bundled CLI and server, docs, README, LICENSE, CHANGELOG, action.yml), the VSIX keeps
// the extension files and icon, and a scratch project that installs the tarball runs `npx edgelint` and gets findings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { tempProject } from '../../harness/temp-project';

const ROOT = join(__dirname, '../../..');
const BAD_TTL = `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 5 })); } };\n`;
const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_update_notifier: 'false' } });

describe('edgelint npm package', () => {
  const cleanups: (() => void)[] = [];
  after(() => cleanups.forEach((c) => c()));

  it('package.json is publishable and keeps the VS Code extension fields', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.private, undefined);
    assert.deepEqual(manifest.bin, { edgelint: 'dist/cli.js' });
    assert.match((manifest.engines as Record<string, string>).node, /^>=20/);
    assert.ok((manifest.engines as Record<string, string>).vscode, 'engines.vscode stays for the extension');
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.dependencies, undefined, 'everything is bundled: installing edgelint pulls nothing else');
    assert.equal(manifest.files, undefined, 'vsce refuses "files" next to .vscodeignore; .npmignore limits the npm package');
    assert.ok(existsSync(join(ROOT, '.vscodeignore')));
  });

  it('the VSIX (vsce) still lists the extension files, the icon and the marketplace README, and nothing of the npm package', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { icon: string; categories: string[]; scripts: Record<string, string> };
    const icon = readFileSync(join(ROOT, manifest.icon));
    assert.equal(icon.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128], 'marketplace icons are 128×128');
    assert.ok(manifest.categories.includes('Linters'));
    assert.match(manifest.scripts.package!, /vsce package --no-dependencies --readme-path client\/README\.md/);
    const listed = spawnSync('npx', ['--no-install', 'vsce', 'ls', '--no-dependencies', '--readme-path', 'client/README.md'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    assert.equal(listed.status, 0, listed.stderr);
    const files = listed.stdout.trim().split('\n').sort();
    assert.deepEqual(files, ['CHANGELOG.md', 'LICENSE', 'client/README.md', 'client/icon.png', 'dist/client.js', 'dist/server.js', 'package.json',
      'syntaxes/cloudflare-headers.tmLanguage.json', 'syntaxes/headers-language-configuration.json']);
  });

  it('npm pack ships only what runs, and the installed package lints a project', () => {
    assert.ok(existsSync(join(ROOT, 'dist/cli.js')), 'run `npm run build` first');
    const out = tempProject({}, 'edgelint-pack-');
    cleanups.push(out.remove);
    const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', out.root], ROOT);
    assert.equal(packed.status, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    const paths = info!.files.map((f) => f.path).sort();
    assert.deepEqual(paths.filter((p) => !p.startsWith('docs/rules/')), ['CHANGELOG.md', 'LICENSE', 'README.md', 'action.yml', 'dist/cli.js', 'dist/server.js', 'package.json']);
    assert.equal(paths.filter((p) => p.startsWith('docs/rules/')).length, readdirSync(join(ROOT, 'docs/rules')).length);

    const scratch = tempProject({
      'package.json': JSON.stringify({ name: 'scratch', private: true, scripts: { 'lint:edge': 'edgelint' } }),
      'wrangler.toml': 'name = "w"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n',
      'src/index.ts': BAD_TTL,
    }, 'edgelint-scratch-');
    cleanups.push(scratch.remove);
    const installed = npm(['install', '--offline', '--no-audit', '--no-fund', '-D', join(out.root, info!.filename)], scratch.root);
    assert.equal(installed.status, 0, installed.stderr);
    const run = spawnSync('npx', ['--offline', 'edgelint', '--format', 'unix'], { cwd: scratch.root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^src\/index\.ts:1:\d+: cacheTtl: 5 .*\[Error\/kv-cachettl-below-minimum\]$/m);
    const script = npm(['run', '-s', 'lint:edge', '--', '--format', 'json'], scratch.root);
    assert.equal((JSON.parse(script.stdout) as { messages: { ruleId: string }[] }[]).flatMap((f) => f.messages.map((m) => m.ruleId)).includes('kv-cachettl-below-minimum'), true);
    // The installed package's own docs/ give `explain` its "Why" and "How to fix".
    const explained = spawnSync('npx', ['--offline', 'edgelint', 'explain', 'kv-cachettl-below-minimum'], { cwd: scratch.root, encoding: 'utf8', timeout: 60_000 });
    assert.match(explained.stdout, /\nHow to fix:\n {2}\S/, explained.stderr);
  });
});
