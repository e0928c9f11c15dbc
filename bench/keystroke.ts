// The keystroke section alone (npm run bench:keystroke): the LSP round trip of `npm run bench` on the same corpus file,
// then an in-process CPU profile of one keystroke split into phases (reparse, collecting walk, filters, checks, index).
// BENCH_SCRATCH as in run.ts; KEYSTROKE_FILE=<path> edits that file instead; KEYSTROKE_LSP=0 skips the round trip;
// KEYSTROKE_EDITS (default 41, as the bench) sets how many edits are timed; KEYSTROKE_SERVER_ARGS adds node options to
// the server process (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '../server/src/engine/line-index';
import ts from 'typescript';
import { nestingError } from '../server/src/engine/parse/nesting';
import { parseCounters, parseWorker } from '../server/src/engine/parse/worker';
import { Workspace } from '../server/src/node-io/workspace';
import { allRules } from '../server/src/rules';
import { largeWorker } from './generate';
import { sourceFiles } from './real/corpus';
import { keystroke } from './real/lsp';
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

/** CPU milliseconds of this process so far (user + system): unlike wall time, not inflated when other processes load the machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * CPU milliseconds per keystroke for each phase, the mean over the edits after warm-up: the whole lint as the server runs
 * it (Workspace.lintText + the incremental line index), its parts, and TypeScript's incremental reparse + a walk as the
 * baseline. Edits alternate a space and a newline at the end, built as an editor's document builds its text.
 */
function profile(path: string, edits: number): Record<string, number> {
  const sums: Record<string, number> = {};
  const add = (phase: string, ms: number) => { sums[phase] = (sums[phase] ?? 0) + ms; };
  let filterMs = 0;
  let checkMs = 0;
  const restore: (() => void)[] = [];
  for (const rule of allRules) {
    const target = rule as { mayApply?: typeof rule.mayApply; check: typeof rule.check };
    const { mayApply, check } = rule;
    if (mayApply) target.mayApply = (...args) => { const t0 = cpuMs(); try { return mayApply(...args); } finally { filterMs += cpuMs() - t0; } };
    target.check = (context) => { const t0 = cpuMs(); try { check(context); } finally { checkMs += cpuMs() - t0; } };
    restore.push(() => { target.mayApply = mayApply; target.check = check; });
  }
  const workspace = new Workspace({ overlay: () => undefined });
  const original = readFileSync(path, 'utf8');
  let text = original;
  let index = new LineIndex(text);
  let sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const warmUp = Math.min(10, Math.floor(edits / 4));
  try {
    for (let i = 0; i < edits; i++) {
      const next = text.substring(0, text.length) + (i % 2 ? '\n' : ' ');
      const b0 = cpuMs();
      sf = ts.updateSourceFile(sf, next, { span: { start: text.length, length: 0 }, newLength: 1 });
      const walk = (node: ts.Node): void => { ts.forEachChild(node, walk); };
      walk(sf);
      const baseline = cpuMs() - b0;
      text = next;
      filterMs = 0; checkMs = 0;
      const parse0 = parseCounters.ms;
      const l0 = cpuMs();
      const problems = workspace.lintText(path, text).problems;
      const lintMs = cpuMs() - l0;
      const parseWall = parseCounters.ms - parse0;
      const i0 = cpuMs();
      index = LineIndex.after(index, text);
      for (const p of problems) { index.position(p.start); index.position(p.end); }
      const indexMs = cpuMs() - i0;
      // The parts, timed again on the same text: the collecting walk on the cached tree, the nesting guard.
      const w0 = cpuMs();
      parseWorker(path, text);
      const walkMs = cpuMs() - w0;
      const n0 = cpuMs();
      nestingError(text);
      const nestingMs = cpuMs() - n0;
      if (i < warmUp) continue;
      add('baseline: updateSourceFile + walk', baseline);
      add('total: lint + line index', lintMs + indexMs);
      add('  incremental reparse (wall)', parseWall);
      add('  collecting walk + const resolver', walkMs);
      add('  filters (mayApply, all rules)', filterMs);
      add('  rule checks (incl. reparse and walk)', checkMs);
      add('  nesting guard', nestingMs);
      add('  incremental line index', indexMs);
    }
  } finally {
    for (const undo of restore) undo();
  }
  const n = edits - warmUp;
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / n]));
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
  console.log('in-process, CPU ms per keystroke (mean; parts overlap: checks include the reparse and walk they trigger):');
  for (const [phase, ms] of Object.entries(phases)) console.log(`  ${phase.padEnd(46)} ${ms.toFixed(2).padStart(7)}`);
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
