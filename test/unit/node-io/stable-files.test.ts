// Workspace `stableFiles` (the CLI): texts read for facts, config and module summaries are read once per run and the
// same string comes back; without it (the language server) every read sees the disk as it is now.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Workspace } from '../../../server/src/node-io/workspace';

describe('Workspace stableFiles', () => {
  it('reads a file once when files are stable, and every time otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgelint-stable-'));
    try {
      const file = join(dir, 'helpers.ts');
      writeFileSync(file, 'export const a = 1;\n');
      const stable = new Workspace({ stableFiles: true });
      const live = new Workspace();
      const first = stable.readFile(file);
      assert.equal(first, 'export const a = 1;\n');
      assert.equal(live.readFile(file), first);
      writeFileSync(file, 'export const a = 2;\n');
      assert.equal(stable.readFile(file), first);
      assert.equal(live.readFile(file), 'export const a = 2;\n');
      assert.equal(stable.readFile(join(dir, 'missing.ts')), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
