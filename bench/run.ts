// The benchmark (npm run bench): edgelint against TypeScript parsing and ESLint, measured in the same run, printed as ratios.
// 0. real code (issue 9): published Workers-ecosystem packages installed into a scratch folder at bench time plus the
//    labelled real-world snapshots; the goal table with pass/fail, parse shares, per-rule costs (bench/real/).
// 1. repo lint: lint a synthetic repo vs. ts.createSourceFile of every file (pre-parse filters should win).
// 2. keystroke: re-lint one large file after a one-character edit vs. ts.updateSourceFile (incremental reparse).
// 3. project model: retained memory of one Project (facts, module summaries) after linting a 4,000-file workspace.
// BENCH_SCRATCH (default /tmp/edgelint-bench-corpus), BENCH_MIRROR (default /work/.mirror), BENCH_REAL=0 skips section 0.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { createProject, lintText } from '../server/src/api';
import { generateImportingRepo, generateRepo, largeWorker } from './generate';
import { loudBanner, prepareCorpus, sourceFiles } from './real/corpus';
import { runRealBench } from './real/run-real';

const SCRATCH = process.env.BENCH_SCRATCH ?? '/tmp/edgelint-bench-corpus';
const MIRROR = process.env.BENCH_MIRROR ?? process.env.EDGELINT_MIRROR ?? '/work/.mirror';

async function realSection(): Promise<void> {
  const corpus = prepareCorpus(SCRATCH, MIRROR);
  let root: string;
  if ('failure' in corpus) {
    loudBanner(['The real-code corpus could not be installed (offline?):', corpus.failure,
      'FALLING BACK TO THE GENERATED REPOSITORY: these figures are NOT figures on real code.']);
    root = join(__dirname, '.work', 'fallback');
    generateRepo(root, Number(process.env.BENCH_FILES ?? 3000), 20);
  } else root = corpus.root;
  const { files, bytes, tooLarge } = sourceFiles([root], SCRATCH);
  console.log(`0. real code: ${'failure' in corpus ? 'GENERATED FALLBACK' : `packages + ${corpus.snapshots} snapshots`} in ${root}: ${files.length} JS/TS files, ${(bytes / 1e6).toFixed(1)} MB, ${files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length, 0)} lines (${tooLarge.length} files over 1 MiB skipped by all)`);
  await runRealBench({
    roots: [root], files, bytes, tooLarge, scratch: 'failure' in corpus ? undefined : SCRATCH, cwd: SCRATCH,
    rounds: Number(process.env.BENCH_REAL_ROUNDS ?? 3), keystrokes: 41, keystrokeLines: 3640,
    cliVariants: { '--concurrency auto': ['--concurrency', 'auto'] }, crossoverSizes: [100, 400, 1600],
  });
}

const WORK = join(__dirname, '.work', 'repo');
const FILES = Number(process.env.BENCH_FILES ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void, rounds = ROUNDS): number {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(samples);
}

/** Sections 1–3 on generated code (kept for comparison; never quoted alone). */
function generatedSections(): void {
  const paths = generateRepo(WORK, FILES, 20);
  const texts = paths.map((p) => readFileSync(p, 'utf8'));
  const bytes = texts.reduce((n, t) => n + t.length, 0);
  console.log(`repo: ${paths.length} files, ${(bytes / 1e6).toFixed(1)} MB, 1 in 20 with caching code; median of ${ROUNDS} rounds`);

  time(() => texts.forEach((t, i) => ts.createSourceFile(paths[i]!, t, ts.ScriptTarget.Latest, true)), 1);
  const parseMs = time(() => texts.forEach((t, i) => ts.createSourceFile(paths[i]!, t, ts.ScriptTarget.Latest, true)));
  let problems = 0;
  const lintMs = time(() => {
    const project = createProject({ readFile: (p) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } } });
    problems = 0;
    texts.forEach((t, i) => { problems += lintText(project, paths[i]!, t).problems.length; });
  });
  console.log(`1. repo     TypeScript parse only: ${parseMs.toFixed(0)} ms | edgelint full lint: ${lintMs.toFixed(0)} ms (${problems} problems) | ratio edgelint/parse = ${(lintMs / parseMs).toFixed(2)}`);

  const big = largeWorker(3000);
  const path = join(WORK, 'src', 'big.ts');
  const project = createProject({ readFile: () => undefined });
  let source = ts.createSourceFile(path, big, ts.ScriptTarget.Latest, true);
  let text = big;
  const edit = (t: string) => { const at = t.length - 2; return t.slice(0, at) + ' ' + t.slice(at); };
  const incrementalMs = time(() => {
    const next = edit(text);
    source = ts.updateSourceFile(source, next, { span: { start: next.length - 2, length: 0 }, newLength: 1 });
    text = next;
  }, 21);
  let edited = big;
  const relintMs = time(() => { edited = edit(edited); lintText(project, path, edited); }, 21);
  console.log(`2. keystroke (${big.split('\n').length} lines) TypeScript incremental reparse: ${incrementalMs.toFixed(2)} ms | edgelint re-lint: ${relintMs.toFixed(2)} ms | ratio = ${(relintMs / incrementalMs).toFixed(2)}`);
  const heap = process.memoryUsage().heapUsed / 1e6;
  console.log(`memory: heap used after the runs ${heap.toFixed(0)} MB`);

  // 3. The project model's memory: a 4,000-file workspace whose files call helpers in other files (summaries on), linted
  // with one Project like the CLI and the language server do; retained heap measured with the project alive and dropped.
  const gc = (globalThis as { gc?: () => void }).gc;
  const MODEL_FILES = Number(process.env.BENCH_MODEL_FILES ?? 4000);
  const modelPaths = generateImportingRepo(join(__dirname, '.work', 'imports'), MODEL_FILES, 50);
  const modelTexts = modelPaths.map((p) => readFileSync(p, 'utf8'));
  const heapNow = () => { gc?.(); gc?.(); return process.memoryUsage().heapUsed; };
  const before = heapNow();
  let modelProject: ReturnType<typeof createProject> | undefined = createProject({ readFile: (p) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } } });
  const t0 = process.hrtime.bigint();
  let modelProblems = 0;
  modelTexts.forEach((t, i) => { modelProblems += lintText(modelProject!, modelPaths[i]!, t).problems.length; });
  const modelMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const alive = heapNow();
  modelProject = undefined;
  const dropped = heapNow();
  const retained = alive - dropped;
  console.log(`3. project model: ${MODEL_FILES} files (${(modelTexts.reduce((n, t) => n + t.length, 0) / 1e6).toFixed(1)} MB) calling helpers in ${50} modules, ${modelProblems} problems in ${modelMs.toFixed(0)} ms | heap the Project retains (alive minus dropped): ${(retained / 1e6).toFixed(2)} MB, ${(retained / MODEL_FILES).toFixed(0)} B/file; heap growth over the run ${((alive - before) / 1e6).toFixed(1)} MB${gc ? '' : ' (no --expose-gc: figures include garbage)'}`);
}

(async () => {
  if (process.env.BENCH_REAL !== '0') await realSection();
  generatedSections();
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
