// Parity: the CLI (in-process main()) and the language server (workspace/diagnostic over stdio) report the same problems
// (rule id, line, column, message) on every fixture project, the examples, and projects that tripped them up before.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../harness/cli-runner';
import { LspClient } from '../../harness/lsp-client';
import { tempProject, type TempProject } from '../../harness/temp-project';
import { PROJECT_FILES, PULL_CAPS } from './fixtures';

/** `file:line:col rule message` per problem, sorted, from the CLI's JSON output. */
async function fromCli(root: string): Promise<string[]> {
  const run = await runCli(['--format', 'json', '.'], root);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return (JSON.parse(run.stdout) as any[]).flatMap((f) => f.messages.map((m: any) =>
    `${f.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)).sort();
}

/** The same from a language server started on the folder (workspace pass: no document is open). */
async function fromServer(root: string): Promise<string[]> {
  const client = LspClient.start();
  try {
    const rootUri = pathToFileURL(root).href;
    await client.initialize(rootUri, PULL_CAPS);
    const result = await client.request('workspace/diagnostic', { previousResultIds: [] });
    return (result.items as any[]).flatMap((i) => i.items.map((d: any) =>
      `${decodeURIComponent(i.uri.slice(rootUri.length + 1))}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`)).sort();
  } finally {
    await client.stop();
  }
}

const BOM = '\uFEFF';
const temps: Record<string, TempProject> = {};

describe('the CLI and the language server report the same problems', () => {
  before(() => {
    temps['wrangler.toml with a UTF-8 BOM'] = tempProject({ ...PROJECT_FILES, 'wrangler.toml': BOM + PROJECT_FILES['wrangler.toml']! });
    temps['package.json and _headers with a BOM'] = tempProject({ ...PROJECT_FILES, 'package.json': BOM + PROJECT_FILES['package.json']!, 'public/_headers': BOM + PROJECT_FILES['public/_headers']! });
    temps['a _headers folder and a file that is not UTF-8'] = tempProject({ ...PROJECT_FILES, 'dist/_headers/a': 'x', 'src/latin1.ts': Buffer.from([0x2f, 0x2f, 0xe9, 0x0a]) });
    const special = temps['a FIFO, a /dev/zero symlink and a dangling symlink'] = tempProject(PROJECT_FILES);
    execFileSync('mkfifo', [special.path('src/pipe.ts')]);
    symlinkSync('/dev/zero', special.path('src/zero.ts'));
    symlinkSync(special.path('src/gone.ts.missing'), special.path('src/gone.ts'));
  });
  after(() => Object.values(temps).forEach((t) => t.remove()));

  const folders = [
    ...readdirSync('test/fixtures', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join('test/fixtures', d.name)),
    'examples',
  ];
  for (const folder of folders) {
    it(folder, async () => {
      const root = resolve(folder);
      const cli = await fromCli(root);
      assert.deepEqual(await fromServer(root), cli);
    });
  }

  for (const name of ['wrangler.toml with a UTF-8 BOM', 'package.json and _headers with a BOM', 'a _headers folder and a file that is not UTF-8', 'a FIFO, a /dev/zero symlink and a dangling symlink']) {
    it(name, async () => {
      const { root } = temps[name]!;
      const cli = await fromCli(root);
      assert.deepEqual(await fromServer(root), cli);
      if (name.startsWith('wrangler.toml')) assert.ok(cli.some((p) => p.startsWith('src/index.ts:4:') && p.includes('kv-cachettl-below-minimum')), cli.join('\n'));
      if (name.startsWith('a _headers folder')) {
        assert.ok(cli.some((p) => p.startsWith('dist/_headers:1:1 headers-file-location') && p.includes('reads a file named `_headers`')), cli.join('\n'));
        assert.ok(!cli.some((p) => p.startsWith('dist/_headers/')), 'nothing inside the folder is reported');
        assert.ok(cli.some((p) => p.startsWith('src/latin1.ts:1:1 file-error File is not valid UTF-8')), cli.join('\n'));
      }
      if (name.startsWith('a FIFO')) {
        assert.deepEqual(cli.filter((p) => p.includes('file-error')), [
          'src/gone.ts:1:1 file-error Cannot read file: ENOENT.',
          'src/pipe.ts:1:1 file-error Not a regular file (a named pipe (FIFO)); not read.',
          'src/zero.ts:1:1 file-error Link points outside the project root; not read (edgelint reads and fixes only inside it).',
        ]);
      }
    });
  }
});
