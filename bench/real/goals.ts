// The goal table of issue 9: each measured figure next to its goal, with pass/fail (pure: figures in, text out).

/** Everything the table needs; a figure that was not measured is NaN (shown as n/a, never as a pass). */
export interface Figures {
  files: number;
  megabytes: number;
  cliCpuMs: number;
  cliWallMs: number;
  cliParallelWallMs: number;
  cliPeakMiB: number;
  parseCpuMs: number;
  parseWallMs: number;
  parsePeakMiB: number;
  eslintCpuMs: number;
  parsedFileShare: number;
  parsedByteShare: number;
  cacheSecondRunCpuMs: number;
  keystrokeLines: number;
  keystrokeMedianMs: number;
  keystrokeP95Ms: number;
  reparseMs: number;
  workspaceFiles: number;
  workspaceCpuMs: number;
  workspacePeakMiB: number;
  workspaceIdleMiB: number;
  coldStartMs: number;
  requireTypescriptMs: number;
}

/** One row: what was measured, the goal, and whether it is met (undefined: not measured). */
export interface GoalRow { figure: string; measured: string; goal: string; pass: boolean | undefined }

const ratio = (a: number, b: number) => a / b;
const known = (...values: number[]) => values.every((v) => Number.isFinite(v));
const verdict = (ok: boolean, ...values: number[]) => (known(...values) ? ok : undefined);

/** The rows of the goal table. */
export function goalRows(f: Figures): GoalRow[] {
  const cpu = ratio(f.cliCpuMs, f.parseCpuMs);
  const wall = ratio(f.cliParallelWallMs, f.parseWallMs);
  const eslint = ratio(f.cliCpuMs, f.eslintCpuMs);
  const cache = ratio(f.cacheSecondRunCpuMs, f.cliCpuMs);
  const keyRatio = ratio(f.keystrokeMedianMs, f.reparseMs);
  const workspaceCpu = ratio(f.workspaceCpuMs, f.parseCpuMs);
  const cold = ratio(f.coldStartMs, f.requireTypescriptMs);
  return [
    { figure: 'CLI vs ts.createSourceFile, whole process CPU', measured: `${cpu.toFixed(2)}× (${f.cliPeakMiB.toFixed(0)} MiB peak vs ${f.parsePeakMiB.toFixed(0)})`, goal: '≤ 1.0×', pass: verdict(cpu <= 1, cpu) },
    { figure: 'CLI wall time using both cores vs parse', measured: `${wall.toFixed(2)}×`, goal: '≤ 0.6×', pass: verdict(wall <= 0.6, wall) },
    { figure: 'CLI vs ESLint + typescript-eslint (1 rule), CPU', measured: `${eslint.toFixed(3)}× (${(1 / eslint).toFixed(1)}× faster)`, goal: '≤ 0.1×', pass: verdict(eslint <= 0.1, eslint) },
    { figure: 'JS/TS files parsed by TypeScript', measured: pct(f.parsedFileShare), goal: '≤ 20 %', pass: verdict(f.parsedFileShare <= 0.2, f.parsedFileShare) },
    { figure: 'JS/TS bytes parsed by TypeScript', measured: pct(f.parsedByteShare), goal: '≤ 50 %', pass: verdict(f.parsedByteShare <= 0.5, f.parsedByteShare) },
    { figure: 'second run with --cache, nothing changed', measured: `${cache.toFixed(2)}×`, goal: '≤ 0.1×', pass: verdict(cache <= 0.1, cache) },
    { figure: `keystroke (${f.keystrokeLines} lines), LSP median / p95`, measured: `${f.keystrokeMedianMs.toFixed(1)} / ${f.keystrokeP95Ms.toFixed(1)} ms (${keyRatio.toFixed(1)}× reparse+walk ${f.reparseMs.toFixed(2)} ms)`, goal: '≤ 3 / ≤ 10 ms, ≤ 2×', pass: verdict(f.keystrokeMedianMs <= 3 && f.keystrokeP95Ms <= 10 && keyRatio <= 2, f.keystrokeMedianMs, keyRatio) },
    { figure: 'workspace pass: files, CPU vs parse, memory', measured: `${f.workspaceFiles} of ${f.files}, ${workspaceCpu.toFixed(2)}×, peak ${f.workspacePeakMiB.toFixed(0)} MiB, idle ${f.workspaceIdleMiB.toFixed(0)} MiB`, goal: 'all, ≤ 1.0×, ≤ 200 MiB', pass: verdict(f.workspaceFiles >= f.files && workspaceCpu <= 1 && f.workspacePeakMiB <= 200, workspaceCpu, f.workspacePeakMiB) },
    { figure: "cold start (spawn → initialize) vs require('typescript')", measured: `${f.coldStartMs.toFixed(0)} ms, ${cold.toFixed(2)}×`, goal: '≤ 1.1×', pass: verdict(cold <= 1.1, cold) },
  ];
}

function pct(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)} %` : 'n/a';
}

/** The table as aligned text: figure | measured | goal | PASS/FAIL/n/a. */
export function formatGoalTable(rows: readonly GoalRow[]): string {
  const cells = rows.map((r) => [r.figure, r.measured.replace(/NaN|Infinity/g, 'n/a'), r.goal, r.pass === undefined ? 'n/a' : r.pass ? 'PASS' : 'FAIL']);
  const header = ['figure', 'measured', 'goal', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}
