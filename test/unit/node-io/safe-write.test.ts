// Unsafe writes (issue 10 item 5): --fix writes only a file unchanged since it was read, through a temp file and a rename;
// read-only files and write errors (ENOSPC, injected) are per-file errors, the run goes on and other files are fixed.
import assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import type { AdapterSettings } from '../../../server/src/api';
import type { FileKind } from '../../../server/src/engine/types';
import { createFile, type CreateFile } from '../../../server/src/node-io/safe-write';
import { Workspace } from '../../../server/src/node-io/workspace';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const BAD_CC = "export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); } };\n";
const FIXED_CC = BAD_CC.replace('public; max-age', 'public, max-age');

/** An injected write that fails half way, as a full disk does. */
const fullDisk: CreateFile = (path, data, mode) => {
  createFile(path, data.subarray(0, Math.floor(data.length / 2)), mode);
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
};

describe('--fix writes', () => {
  const temps: { remove(): void }[] = [];
  const project = (files: Record<string, string>) => {
    const p = tempProject(files, 'edgelint-write-');
    temps.push(p);
    return p;
  };
  after(() => temps.forEach((t) => t.remove()));

  it('a read-only file is one error in the report; the run goes on, other files are fixed, exit 1', async () => {
    const p = project({ 'src/a.ts': BAD_CC, 'src/b.ts': BAD_CC });
    chmodSync(p.path('src/a.ts'), 0o444);
    const run = await runCli(['--fix', '--format', 'json'], p.root);
    assert.equal(run.code, 1, run.stderr);
    const [a, b] = JSON.parse(run.stdout) as { messages: { message: string; severity: number; fatal?: boolean }[] }[];
    assert.deepEqual(a!.messages.map((m) => [m.message, m.severity]), [['File is read-only; fixes not written.', 2], [a!.messages[1]!.message, 1]]);
    assert.match(a!.messages[1]!.message, /not a Cache-Control separator/, 'the unfixed problems are still reported');
    assert.equal(readFileSync(p.path('src/a.ts'), 'utf8'), BAD_CC);
    assert.equal(statSync(p.path('src/a.ts')).mode & 0o777, 0o444);
    assert.deepEqual(b!.messages, []);
    assert.equal(readFileSync(p.path('src/b.ts'), 'utf8'), FIXED_CC);
  });

  it('ENOSPC while writing leaves the file whole, removes the temp file and reports it; the next file is still fixed', () => {
    const p = project({ 'src/a.ts': BAD_CC, 'src/b.ts': BAD_CC });
    const failing = new Workspace({ createFile: fullDisk });
    const result = failing.fix(p.path('src/a.ts'));
    assert.equal(result.changed, false);
    assert.equal(result.problems[0]!.message, 'Cannot write fixes: ENOSPC; the file is unchanged.');
    assert.equal(result.problems[0]!.severity, 'error');
    assert.ok(result.problems.some((x) => x.ruleId === 'cc-syntax'));
    assert.equal(readFileSync(p.path('src/a.ts'), 'utf8'), BAD_CC);
    assert.deepEqual(readdirSync(p.path('src')), ['a.ts', 'b.ts'], 'no temp file is left behind');
    assert.equal(new Workspace().fix(p.path('src/b.ts')).changed, true);
    assert.equal(readFileSync(p.path('src/b.ts'), 'utf8'), FIXED_CC);
  });

  it('a file changed on disk between the read and the write keeps the other change', () => {
    const p = project({ 'src/a.ts': BAD_CC });
    const edited = `${BAD_CC}// saved by the editor meanwhile\n`;
    /** A workspace whose fixing is slow enough for an editor to save the file in between. */
    class EditedMeanwhile extends Workspace {
      override fixText(path: string, text: string, settings?: AdapterSettings, kind?: FileKind): string {
        writeFileSync(path, edited);
        return super.fixText(path, text, settings, kind);
      }
    }
    const result = new EditedMeanwhile().fix(p.path('src/a.ts'));
    assert.equal(result.changed, false);
    assert.equal(result.problems[0]!.message, 'File changed on disk since edgelint read it; fixes not written (run again).');
    assert.equal(readFileSync(p.path('src/a.ts'), 'utf8'), edited);
  });

  it('the same size and mtime with different bytes still counts as changed (content hash)', () => {
    const p = project({ 'src/a.ts': BAD_CC });
    const { mtime } = statSync(p.path('src/a.ts'));
    const swapped = BAD_CC.replace('export default', 'export  defaul');
    class SameSizeEdit extends Workspace {
      override fixText(path: string, text: string, settings?: AdapterSettings, kind?: FileKind): string {
        writeFileSync(path, swapped);
        utimesSync(path, mtime, mtime);
        return super.fixText(path, text, settings, kind);
      }
    }
    assert.equal(swapped.length, BAD_CC.length);
    const result = new SameSizeEdit().fix(p.path('src/a.ts'));
    assert.equal(result.problems[0]!.message, 'File changed on disk since edgelint read it; fixes not written (run again).');
    assert.equal(readFileSync(p.path('src/a.ts'), 'utf8'), swapped);
  });

  it('a successful fix renames a temp file over the original (new inode, same mode), leaving nothing else', async () => {
    const p = project({ 'src/a.ts': BAD_CC });
    chmodSync(p.path('src/a.ts'), 0o640);
    const before = statSync(p.path('src/a.ts'));
    const run = await runCli(['--fix'], p.root);
    assert.equal(run.code, 0, run.stdout);
    const afterFix = statSync(p.path('src/a.ts'));
    assert.notEqual(afterFix.ino, before.ino);
    assert.equal(afterFix.mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(p.path('src')), ['a.ts']);
    assert.equal(readFileSync(p.path('src/a.ts'), 'utf8'), FIXED_CC);
  });
});
