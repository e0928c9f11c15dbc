// The keystroke section alone (npm run bench:keystroke): the LSP round trip of `npm run bench` on the same corpus file,
// then an in-process profile of one keystroke split into phases (parse, collecting walk, filters, checks, finish, index).
// BENCH_SCRATCH as in run.ts; KEYSTROKE_FILE=<path> edits that file instead; KEYSTROKE_LSP=0 skips the round trip;
// KEYSTROKE_EDITS (default 41, as the bench) sets how many edits are timed; KEYSTROKE_SERVER_ARGS adds node options to
// the server process (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '../server/src/engine/line-index';
import { parseCounters, parseWorker } from '../server/src/engine/parse/worker';
import { Workspace } from '../server/src/node-io/workspace';
import { allRules } from '../server/src/rules';
import { largeWorker } from './generate';
import { sourceFiles } from './real/corpus';
import { keystroke } from './real/lsp';
import { percentiles } from './real/measure';
import { keystrokeFile } from './real/run-real';

const SCRATCH = process.env.BENCH_SCRATCH ?? '/tmp/edgelint-bench-corpus';
const EDITS = Number(process.env.KEYSTROKE_EDITS ?? 41);
const LINES = 3640;

/** The file the full bench edits (closest to 3,640 lines in the corpus), or a generated Worker when there is no corpus. */
function target(): string {
  if (process.env.KEYSTROKE_FILE) return process.env.KEYSTROKE_FILE;
  const root = join(SCRATCH, 'corpus');
  if (existsSync(root)) return keystrokeFile(sourceFiles([root], SCRATCH).files, LINES);
  const path = join(__dirname, '.work', 'keystroke', 'src', 'big.ts');
  require('node:fs').mkdirSync(join(path, '..'), { recursive: true });
  require('node:fs').writeFileSync(path, largeWorker(LINES));
  return path;
}

/** Milliseconds per phase of one keystroke, each the median over the edits after warm-up. */
function profile(path: string, edits: number): Record<string, number> {
  const samples: Record<string, number[]> = {};
  const add = (phase: string, ms: number) => { (samples[phase] ??= []).push(ms); };
  let filterMs = 0;
  let checkMs = 0;
  const restore: (() => void)[] = [];
  for (const rule of allRules) {
    const target = rule as { mayApply?: typeof rule.mayApply; check: typeof rule.check };
    const { mayApply, check } = rule;
    if (mayApply) target.mayApply = (...args) => { const t0 = performance.now(); try { return mayApply(...args); } finally { filterMs += performance.now() - t0; } };
    target.check = (context) => {
      const before = parseCounters.ms;
      const t0 = performance.now();
      try { check(context); } finally { checkMs += performance.now() - t0 - (parseCounters.ms - before); }
    };
    restore.push(() => { target.mayApply = mayApply; target.check = check; });
  }
  const workspace = new Workspace({ overlay: () => undefined });
  let text = readFileSync(path, 'utf8');
  try {
    for (let i = 0; i < edits; i++) {
      text += i % 2 ? '\n' : ' ';
      filterMs = 0; checkMs = 0;
      const parse0 = parseCounters.ms;
      const t0 = performance.now();
      const problems = workspace.lintText(path, text).problems;
      const lintMs = performance.now() - t0;
      const parseMs = parseCounters.ms - parse0;
      // The collecting walk alone: the same text again is served from the tree cache (no reparse), then walked.
      const w0 = performance.now();
      parseWorker(path, text);
      const walk = performance.now() - w0;
      const i0 = performance.now();
      const index = new LineIndex(text);
      for (const p of problems) { index.position(p.start); index.position(p.end); }
      const indexMs = performance.now() - i0;
      if (i < 5) continue;
      add('total (lint + index)', lintMs + indexMs);
      add('incremental reparse', parseMs);
      add('collecting walk (cached tree)', walk);
      add('filters (mayApply)', filterMs);
      add('rule checks (walk subtracted)', checkMs - walk);
      add('rest of lintText (finish, config, suppress)', lintMs - parseMs - walk - filterMs - checkMs);
      add('line index + positions', indexMs);
    }
  } finally {
    for (const undo of restore) undo();
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, percentiles(v).median]));
}

(async () => {
  const path = target();
  const text = readFileSync(path, 'utf8');
  console.log(`keystroke file: ${path} (${text.split('\n').length} lines, ${(text.length / 1e3).toFixed(0)} kB)`);
  if (process.env.KEYSTROKE_LSP !== '0') {
    const key = await keystroke(path, EDITS, process.env.KEYSTROKE_SERVER_ARGS?.split(' ').filter(Boolean));
    console.log(`LSP didChange → diagnostics: median ${key.median.toFixed(2)} ms, p95 ${key.p95.toFixed(2)} ms | updateSourceFile + walk ${key.reparseMs.toFixed(2)} ms | ratio ${(key.median / key.reparseMs).toFixed(2)}× (goal ≤ 3 / ≤ 10 ms, ≤ 2×)`);
  }
  const phases = profile(path, EDITS);
  console.log('in-process phases (median ms per keystroke; the walk is timed separately on the cached tree):');
  for (const [phase, ms] of Object.entries(phases)) console.log(`  ${phase.padEnd(46)} ${ms.toFixed(2).padStart(7)}`);
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
