// Smoke run of the real-code bench (bench/real/) on small inputs: every figure is measured and finite, the goal table has
// its rows with a verdict, the per-rule breakdown lists the rules. No timing is asserted (the machine is shared).
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { sourceFiles } from '../../../bench/real/corpus';
import { formatGoalTable, goalRows, type Figures } from '../../../bench/real/goals';
import { runRealBench } from '../../../bench/real/run-real';
import { allRules } from '../../../server/src/rules';

describe('bench smoke run (examples/ and test/corpus)', () => {
  it('measures every figure of the goal table on small inputs', { timeout: 120_000 }, async () => {
    const roots = [resolve('examples'), resolve('test/corpus')];
    const { files, bytes } = sourceFiles(roots, resolve('.'));
    assert.ok(files.length >= 10 && bytes > 0);
    const lines: string[] = [];
    const result = await runRealBench({ roots, files, bytes, cwd: resolve('.'), rounds: 1, keystrokes: 4, keystrokeLines: 100, log: (l) => lines.push(l) });
    const f = result.figures;
    for (const key of ['cliCpuMs', 'parseCpuMs', 'cliPeakMiB', 'parsedFileShare', 'parsedByteShare', 'keystrokeMedianMs', 'keystrokeP95Ms', 'reparseMs', 'workspaceCpuMs', 'workspacePeakMiB', 'coldStartMs', 'requireTypescriptMs'] as const) {
      assert.ok(Number.isFinite(f[key]), `${key} = ${f[key]}`);
    }
    assert.ok(f.parsedFileShare > 0 && f.parsedFileShare <= 1, `file share ${f.parsedFileShare}`);
    assert.ok(f.workspaceFiles > 0);
    assert.equal(Number.isNaN(f.eslintCpuMs), true, 'no ESLint without a scratch folder');
    assert.equal(result.rows.length, 9);
    for (const row of result.rows.filter((r) => !/ESLint|--cache/.test(r.figure))) assert.notEqual(row.pass, undefined, row.figure);
    const out = lines.join('\n');
    assert.match(out, /figure +\| measured +\| goal +\| result/);
    assert.match(out, /per-rule cost/);
    assert.equal(result.pass.rules.length, allRules.length);
    assert.ok(result.pass.rules.some((r) => r.admitted > 0 && r.reports > 0), 'some rule reported on the examples');
  });

  it('a figure that was not measured is n/a, never a pass', () => {
    const rows = goalRows(new Proxy({} as Figures, { get: () => NaN }));
    assert.ok(rows.every((r) => r.pass === undefined));
    assert.ok(formatGoalTable(rows).split('\n').slice(2).every((line) => line.endsWith('n/a')));
  });
});
