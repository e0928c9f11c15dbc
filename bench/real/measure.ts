// Whole-process measurements: runs node with a preload that reports CPU time (all threads) and peak RSS at exit.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One measured process run. */
export interface ProcessRun {
  cpuMs: number;
  wallMs: number;
  maxRssMiB: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

const PRELOAD = join(__dirname, 'cpu-report.cjs');

/** Runs `node <args>` in `cwd` and measures it; the run's output is returned, not printed. */
export function measureNode(args: readonly string[], cwd: string, env: Record<string, string> = {}): ProcessRun {
  const dir = mkdtempSync(join(tmpdir(), 'edgelint-bench-'));
  const out = join(dir, 'cpu.json');
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', PRELOAD, ...args], {
    cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env, EDGELINT_BENCH_CPU_OUT: out },
  });
  const wallMs = performance.now() - started;
  let report = { cpuMs: NaN, maxRssMiB: NaN };
  try { report = JSON.parse(readFileSync(out, 'utf8')); } catch { /* the process died before exit: NaN figures */ }
  rmSync(dir, { recursive: true, force: true });
  return { ...report, wallMs, status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

/** The run with the median CPU time of `rounds` runs (paired baselines alternate with the measured command). */
export function medianRun(runs: readonly ProcessRun[]): ProcessRun {
  return [...runs].sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor(runs.length / 2)]!;
}

/** Median and 95th percentile of samples. */
export function percentiles(samples: readonly number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? NaN, p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN };
}
