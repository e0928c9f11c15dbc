// The real-code section of the bench: measures every figure of issue 9's table on one corpus, with baselines from the
// same run, and prints the goal table, the parse shares and the per-rule cost breakdown.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eslintRun } from './eslint';
import { formatGoalTable, goalRows, type Figures, type GoalRow } from './goals';
import { profiledPass, type PassFigures } from './in-process';
import { coldStart, keystroke, workspacePass } from './lsp';
import { measureNode, medianRun, percentiles, type ProcessRun } from './measure';

const CLI = resolve('dist/cli.js');
const PARSE = join(__dirname, 'parse-files.cjs');

/** What to measure and how often. */
export interface RealBenchOptions {
  roots: string[];
  files: string[];
  bytes: number;
  /** JS/TS files over the CLI's size limit (skipped by the CLI, so by the baselines too). */
  tooLarge?: string[];
  /** Folder with eslint + typescript-eslint installed (no ESLint figure without it). */
  scratch?: string;
  /** Where the measured processes run (the CLI's cwd). */
  cwd: string;
  rounds: number;
  keystrokes: number;
  /** Target line count of the keystroke file (the corpus file closest to it is edited). */
  keystrokeLines: number;
  /** File counts at which one thread and two worker threads are compared (the `auto` crossover). */
  crossoverSizes?: number[];
  /** Extra CLI runs, e.g. `--concurrency` settings: label → argv. */
  cliVariants?: Record<string, string[]>;
  log?: (line: string) => void;
}

/** Everything measured. */
export interface RealBenchResult {
  figures: Figures;
  rows: GoalRow[];
  pass: PassFigures;
  variants: Record<string, ProcessRun>;
  table: string;
}

/** Runs the CLI and the parse baseline alternately (paired), `rounds` times each; returns the median runs. */
function pairedRuns(options: RealBenchOptions, listFile: string, cliArgs: string[]): { cli: ProcessRun; parse: ProcessRun } {
  const cli: ProcessRun[] = [];
  const parse: ProcessRun[] = [];
  for (let i = 0; i < options.rounds; i++) {
    parse.push(measureNode([PARSE, listFile], options.cwd));
    cli.push(measureNode([CLI, '--format', 'json', ...cliArgs, ...options.roots], options.cwd));
    const last = cli[cli.length - 1]!;
    if (last.status !== 0 && last.status !== 1) throw new Error(`CLI exited ${last.status}: ${last.stderr.slice(0, 500)}`);
  }
  return { cli: medianRun(cli), parse: medianRun(parse) };
}

/** The corpus file whose line count is closest to `lines` (a .ts file when there is one). */
export function keystrokeFile(files: readonly string[], lines: number): string {
  let best = files[0]!;
  let distance = Infinity;
  for (const f of files) {
    if (!/\.tsx?$/.test(f) || f.endsWith('.d.ts')) continue;
    const d = Math.abs(readFileSync(f, 'utf8').split('\n').length - lines);
    if (d < distance) { best = f; distance = d; }
  }
  return best;
}

/** Measures the corpus and returns the figures and the printed table. */
export async function runRealBench(options: RealBenchOptions): Promise<RealBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const listFile = join(mkdtempSync(join(tmpdir(), 'edgelint-bench-list-')), 'files.txt');
  writeFileSync(listFile, `${options.files.join('\n')}\n`);
  const help = measureNode([CLI, '--help'], options.cwd).stdout;
  // The CPU goal is for one thread (--concurrency off); the wall-time goal for both cores (the variants).
  const { cli, parse } = pairedRuns(options, listFile, help.includes('--concurrency') ? ['--concurrency', 'off'] : []);
  log(`CLI: ${cli.cpuMs.toFixed(0)} ms CPU, ${cli.wallMs.toFixed(0)} ms wall, ${cli.maxRssMiB.toFixed(0)} MiB peak | parse baseline: ${parse.cpuMs.toFixed(0)} ms CPU, ${parse.wallMs.toFixed(0)} ms wall, ${parse.maxRssMiB.toFixed(0)} MiB peak`);
  const variants: Record<string, ProcessRun> = {};
  for (const [label, args] of Object.entries(options.cliVariants ?? {})) {
    if (!help.includes(args[0]!)) { log(`CLI ${label}: not measured (this CLI has no ${args[0]})`); continue; }
    variants[label] = medianRun(Array.from({ length: options.rounds }, () => measureNode([CLI, '--format', 'json', ...args, ...options.roots], options.cwd)));
    log(`CLI ${label}: ${variants[label]!.cpuMs.toFixed(0)} ms CPU, ${variants[label]!.wallMs.toFixed(0)} ms wall`);
  }
  if (help.includes('--concurrency') && options.crossoverSizes?.length) log(crossover(options, options.crossoverSizes));
  const parallel = Object.values(variants).reduce((best, run) => Math.min(best, run.wallMs), cli.wallMs);
  const eslint = options.scratch ? eslintRun(options.scratch, options.roots, options.tooLarge) : undefined;
  if (eslint) log(`ESLint + typescript-eslint (no-debugger): ${eslint.cpuMs.toFixed(0)} ms CPU, ${eslint.wallMs.toFixed(0)} ms wall, ${eslint.maxRssMiB.toFixed(0)} MiB peak`);
  const cache = cacheSecondRun(options, help);
  const sizes = new Map(options.files.map((f) => [f, readFileSync(f, 'utf8').length]));
  const pass = profiledPass(options.roots, options.cwd, sizes);
  const target = keystrokeFile(options.files, options.keystrokeLines);
  const key = await keystroke(target, options.keystrokes);
  log(`keystroke file: ${target}`);
  const workspace = await workspacePass(options.roots[0]!);
  const cold = await coldStart(options.rounds);
  const figures: Figures = {
    files: options.files.length, megabytes: options.bytes / 1e6,
    cliCpuMs: cli.cpuMs, cliWallMs: cli.wallMs, cliParallelWallMs: parallel, cliPeakMiB: cli.maxRssMiB,
    parseCpuMs: parse.cpuMs, parseWallMs: parse.wallMs, parsePeakMiB: parse.maxRssMiB,
    eslintCpuMs: eslint?.cpuMs ?? NaN,
    parsedFileShare: pass.parsedFiles / pass.files, parsedByteShare: pass.parsedBytes / options.bytes,
    cacheSecondRunCpuMs: cache,
    keystrokeLines: key.lines, keystrokeMedianMs: key.median, keystrokeP95Ms: key.p95, reparseMs: key.reparseMs,
    workspaceFiles: workspace.files, workspaceCpuMs: workspace.cpuMs, workspacePeakMiB: workspace.peakMiB, workspaceIdleMiB: workspace.idleRssMiB,
    coldStartMs: cold.serverMs, requireTypescriptMs: cold.typescriptMs,
  };
  if (options.roots.length > 1) log(`workspace pass: first root only (${options.roots[0]}), ${workspace.files} files, ${workspace.wallMs.toFixed(0)} ms wall`);
  const rows = goalRows(figures);
  const table = formatGoalTable(rows);
  log(`\n${table}\n`);
  log(`parsed: ${pass.parsedFiles} of ${pass.files} JS/TS files, ${(pass.parsedBytes / 1e6).toFixed(1)} of ${(options.bytes / 1e6).toFixed(1)} MB; ${pass.parses} parses, ${pass.parseMs.toFixed(0)} ms parsing of ${pass.totalMs.toFixed(0)} ms in-process; ${pass.problems} problems`);
  log(formatRuleCosts(pass));
  return { figures, rows, pass, variants, table };
}

/** Wall time of one thread vs. two worker threads on the first n files, for each n: where threads start to pay. */
function crossover(options: RealBenchOptions, sizes: readonly number[]): string {
  const rows = sizes.filter((n) => n <= options.files.length).map((n) => {
    const files = options.files.slice(0, n);
    const wall = (c: string) => percentiles(Array.from({ length: options.rounds }, () => measureNode([CLI, '--format', 'json', '--concurrency', c, ...files], options.cwd).wallMs)).median;
    const one = wall('off');
    const two = wall('2');
    return `${n} files: one thread ${one.toFixed(0)} ms, two workers ${two.toFixed(0)} ms (${(two / one).toFixed(2)}×)`;
  });
  return `concurrency crossover (wall): ${rows.join(' | ')}`;
}

/** CPU of a second `--cache` run when the CLI has the flag (another change brings it); NaN otherwise. */
function cacheSecondRun(options: RealBenchOptions, help: string): number {
  if (!help.includes('--cache')) return NaN;
  const args = ['--format', 'json', '--cache', ...options.roots];
  measureNode([CLI, ...args], options.cwd);
  return measureNode([CLI, ...args], options.cwd).cpuMs;
}

/** The per-rule breakdown: the ten most expensive rules, filter and check time, files admitted and reports. */
export function formatRuleCosts(pass: PassFigures, top = 10): string {
  const rows = pass.rules.slice(0, top).map((r) => `  ${r.id.padEnd(36)} filter ${r.filterMs.toFixed(1).padStart(7)} ms  check ${r.checkMs.toFixed(1).padStart(7)} ms  admitted ${String(r.admitted).padStart(5)}  reports ${String(r.reports).padStart(4)}`);
  const filters = pass.rules.reduce((n, r) => n + r.filterMs, 0);
  const checks = pass.rules.reduce((n, r) => n + r.checkMs, 0);
  return [`per-rule cost (all rules: filters ${filters.toFixed(0)} ms, checks ${checks.toFixed(0)} ms, parse ${pass.parseMs.toFixed(0)} ms):`, ...rows].join('\n');
}
