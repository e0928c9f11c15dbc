// Both cores for the CLI: lints files in worker threads (each with its own Workspace) and returns the results in the
// order of the input, identical to a single-threaded run. The same module is the workers' entry point.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { AdapterSettings, ResolvedConfig } from '../api';
import { setTreeRetention } from '../engine/parse/worker';
import { Workspace, type FileLint } from '../node-io/workspace';

/** `--concurrency`: a thread count, `auto` (threads when the file count makes them pay) or `off`. */
export type Concurrency = number | 'auto' | 'off';

/**
 * Below this many files `auto` stays on one thread: starting a worker (loading the bundle with TypeScript) and building
 * a project model per worker cost more than they save. Measured by `npm run bench` on an idle 2-core machine, once the
 * pre-parse filters ruled out 85 % of the files: two workers were slower in wall time at 100, 400 and 1,600 files
 * (1.18–1.30×) and no faster on the whole 7,656-file corpus (13.8 s vs 13.4 s), so `auto` waits for far larger trees.
 */
export const AUTO_MIN_FILES = 20_000;
/** Files per message to a worker: small enough to balance the load, large enough to keep messaging cheap. */
const BATCH = 8;

/** How one worker builds its Workspace (the main thread's options, structured-cloned). */
export interface WorkerSetup {
  maxFileSize: number;
  forcedConfig?: ResolvedConfig;
  cwd: string;
  settings: AdapterSettings;
  /** The run's project roots and ignore settings (see boundary.ts, ignore-rules.ts). */
  roots: readonly string[];
  noIgnore?: boolean;
  ignorePatterns?: readonly string[];
}

/** One file to lint and whether it was named on the command line. */
export interface LintJob { path: string; explicit: boolean }

/** The thread count for `files` files: 1 means lint on the main thread. */
export function threadCount(concurrency: Concurrency, files: number): number {
  if (concurrency === 'off') return 1;
  if (concurrency === 'auto') return files < AUTO_MIN_FILES ? 1 : Math.max(1, Math.min(availableParallelism(), 8, Math.floor(files / (AUTO_MIN_FILES / 2))));
  return Math.max(1, Math.min(concurrency, files));
}

/** Lints `jobs` in `threads` workers; results in the order of `jobs`. */
export function lintInWorkers(jobs: readonly LintJob[], threads: number, setup: WorkerSetup): Promise<FileLint[]> {
  const results: FileLint[] = new Array(jobs.length);
  let next = 0;
  return new Promise((resolvePromise, reject) => {
    let running = 0;
    let failed = false;
    const workers: Worker[] = [];
    const feed = (worker: Worker) => {
      if (next >= jobs.length) {
        void worker.terminate();
        return;
      }
      const start = next;
      next = Math.min(jobs.length, next + BATCH);
      worker.postMessage({ start, jobs: jobs.slice(start, next) });
    };
    for (let i = 0; i < threads; i++) {
      const worker = startWorker({ edgelintLintWorker: setup });
      workers.push(worker);
      running++;
      worker.on('message', (message: { start: number; results: FileLint[] }) => {
        message.results.forEach((result, k) => { results[message.start + k] = result; });
        feed(worker);
      });
      worker.on('error', (error) => {
        if (failed) return;
        failed = true;
        for (const w of workers) void w.terminate();
        reject(error);
      });
      worker.on('exit', () => {
        running--;
        if (running === 0 && !failed) resolvePromise(results);
      });
      feed(worker);
    }
  });
}

/** A worker running this module: the bundle itself, or (tests run the TypeScript sources) this file through tsx. */
function startWorker(data: unknown): Worker {
  // Always this very module (never a path from the workspace); tests run the TypeScript source through tsx.
  const execArgv = __filename.endsWith('.ts') ? ['--require', 'tsx/cjs'] : undefined;
  return new Worker(__filename, { workerData: data, execArgv });
}

/** The worker side: lint each batch it is sent with one Workspace for the whole run. */
function runLintWorker(setup: WorkerSetup): void {
  setTreeRetention(false);
  const workspace = new Workspace({
    maxFileSize: setup.maxFileSize, forcedConfig: setup.forcedConfig, cwd: setup.cwd, stableFiles: true,
    roots: setup.roots, noIgnore: setup.noIgnore, ignorePatterns: setup.ignorePatterns,
  });
  parentPort!.on('message', (message: { start: number; jobs: LintJob[] }) => {
    const results = message.jobs.map((job) => workspace.lint(job.path, setup.settings, job.explicit));
    parentPort!.postMessage({ start: message.start, results });
  });
}

const setup = !isMainThread ? (workerData as { edgelintLintWorker?: WorkerSetup } | undefined)?.edgelintLintWorker : undefined;
if (setup) runLintWorker(setup);
