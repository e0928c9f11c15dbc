// The CLI as a function: argv and IO in, exit code out (0 clean, 1 errors/too many warnings, 2 usage/config/internal).
import { dirname, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AdapterSettings, ResolvedConfig } from '../api';
import { parseConfig } from '../engine/config';
import { docsUrl } from '../engine/define-rule';
import { LineIndex } from '../engine/line-index';
import { setTreeRetention } from '../engine/parse/worker';
import { UNRESOLVED_BINDING, type Problem, type SuppressedProblem } from '../engine/types';
import { allRules, ruleIds, ruleOptionDefaults } from '../rules';
import { useColor } from './color';
import { explainCacheControlValue, explainRule } from './explain';
import { DebugLog } from './debug';
import { writeInitConfig } from './init';
import { printConfig } from './print-config';
import { HELP, parseArgs, UsageError, type CliOptions } from './args';
import { escapeControl } from './formatters/escape';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatCompact, formatUnix } from './formatters/unix';
import { formatStylish, type RunStats } from './formatters/stylish';
import { readSource } from '../node-io/read-source';
import { projectRoot } from '../node-io/boundary';
import { Workspace, type FileLint } from '../node-io/workspace';
import { writeReport } from '../node-io/write-report';
import { cacheFilePath, codeFingerprint, contentHash, deleteCacheFile, FactDependencies, LintCache } from '../node-io/lint-cache';
import { FileRunner } from './file-runner';
import { isGlobArgument, staticBase } from '../node-io/globs';
import { lintInWorkers, threadCount, type LintJob } from './parallel';
import { positioned, tally, type FileReport } from './report';
import { severityFacts } from '../engine/message-severity';
import { VERSION } from '../version';

/** What the CLI may touch besides the file system. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  /** Milliseconds from a monotonic clock, for the summary's duration (tests inject a fixed one). */
  now?(): number;
  /** Whether stdout is a terminal (colour defaults to on); false when unset. */
  isTTY?: boolean;
  /** Environment for NO_COLOR/FORCE_COLOR; none when unset. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Runs the CLI and returns its exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv, ruleIds);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`edgelint: ${escapeControl(error.message)}\n`);
      return 2;
    }
    throw error;
  }
  try {
    if (options.help) return print(io, `${HELP}\n`);
    if (options.version) return print(io, `${VERSION}\n`);
    if (options.listRules) return print(io, listRules(options.format === 'json'));
    if (options.explain) return print(io, explainRule(allRules.find((r) => r.id === options.explain)!, options.format === 'json'));
    if (options.explainCacheControl !== undefined) return print(io, explainCacheControlValue(options.explainCacheControl, options.header ?? 'cache-control', options.format === 'json'));
    if (options.init) return writeInitConfig(io.cwd, io);
    if (options.lsp) {
      const { runStdio } = await import('../lsp/stdio');
      runStdio();
      return await new Promise<number>(() => undefined);
    }
    const retained = setTreeRetention(false);
    try {
      return await lint(options, io);
    } finally {
      setTreeRetention(retained);
    }
  } catch (error) {
    io.stderr(`edgelint: internal error: ${escapeControl(error instanceof Error ? error.stack ?? error.message : String(error), '\n')}\n`);
    return 2;
  }
}

/** Binding names from the `kv-binding-unresolved` notes of a run, once each (the project-level note, issue 6). */
function unresolvedBindings(reports: readonly FileReport[]): string[] {
  const names = new Set<string>();
  for (const r of reports) for (const p of r.problems) if (p.ruleId === UNRESOLVED_BINDING) names.add(/env\.(\w+)/.exec(p.message)?.[1] ?? '?');
  return [...names].sort();
}

function print(io: CliIo, text: string): number {
  io.stdout(text);
  return 0;
}

function listRules(json: boolean): string {
  const rows = allRules.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, ...severityFacts(r), enabledByDefault: r.enabledByDefault !== false, fixable: r.fixable, hasSuggestions: r.hasSuggestions, description: r.description, docs: docsUrl(r.id) }));
  if (json) return `${JSON.stringify(rows, null, 2)}\n`;
  const width = Math.max(...rows.map((r) => r.id.length));
  return `${rows.map((r) => `${r.id.padEnd(width)}  ${(r.enabledByDefault ? r.defaultSeverity : 'off').padEnd(5)}  ${r.fixable ? 'fixable' : '       '}  ${r.docs}`).join('\n')}\n`;
}

async function lint(options: CliOptions, io: CliIo): Promise<number> {
  const now = io.now ?? (() => performance.now());
  const started = now();
  let checked = 0;
  const forced = options.config ? loadForcedConfig(resolve(io.cwd, options.config), options.maxFileSize, io) : undefined;
  if (forced === null) return 2;
  const roots = (options.paths.length && !options.stdin ? options.paths : ['.']).map((p) => projectRoot(isGlobArgument(p, io.cwd) ? staticBase(p) : p, io.cwd));
  const workspace = new Workspace({
    maxFileSize: options.maxFileSize, forcedConfig: forced, cwd: io.cwd, roots, noIgnore: options.noIgnore, ignorePatterns: options.ignorePatterns,
    stableFiles: !options.fix,
  });
  const settings = { overrides: options.rules, reportUnusedDisableDirectives: options.reportUnusedDisableDirectives };
  if (options.printConfig !== undefined) return printConfig(options.printConfig, workspace, options, io);
  const reports: FileReport[] = [];
  const show = (path: string) => relative(io.cwd, path).split(sep).join('/') || path;
  const debug = options.debug ? new DebugLog((line) => io.stderr(`edgelint: debug: ${escapeControl(line)}\n`), () => performance.now()) : undefined;
  const cache = options.cache && !options.stdin ? openCache(options, io.cwd, workspace, forced) : undefined;
  if (cache) debug?.line(`cache: ${cache.results.path}`);
  else if (!options.stdin && deleteCacheFile(cacheFilePath(io.cwd, options.cacheLocation))) debug?.line('cache: deleted (run without --cache)');
  const runner = new FileRunner(workspace, settings, { fix: options.fix, fixDryRun: options.fixDryRun, cache, debug, show });
  const report = (path: string, text: string, problems: Problem[], suppressed: SuppressedProblem[] = [], output?: string) => reports.push({
    path, relativePath: relative(io.cwd, path).split(sep).join('/') || path, problems: positioned(output ?? text, problems), text: output ?? text,
    suppressed: positioned(output ?? text, suppressed), ...(output === undefined ? {} : { output }),
  });

  if (options.stdin) {
    const path = resolve(io.cwd, options.stdinFilename ?? 'stdin.ts');
    const text = await io.readStdin();
    const result = lintStdin(workspace, path, text, options, debug ? { ...settings, trace: debug.trace(show(path)) } : settings);
    report(path, result.text, result.problems, result.suppressed, result.output);
    checked++;
    if (options.fix) {
      // As Biome and Prettier: the fixed text is the output; the report of what is left goes to stderr.
      io.stdout(result.output ?? result.text);
      if (reports[0]!.problems.length > 0 || options.format !== 'stylish') io.stderr(format(options, reports, io.cwd, { files: 1, seconds: (now() - started) / 1000, color: false }));
      return tally(reports).errors > 0 ? 1 : 0;
    }
  } else {
    const found = workspace.discover(options.paths.length ? options.paths : ['.'], io.cwd, options.rules);
    const unmatchedGlobs = found.missing.filter((p) => isGlobArgument(p, io.cwd));
    if (options.allowUnmatched) found.missing = found.missing.filter((p) => !unmatchedGlobs.includes(p));
    if (found.missing.length) {
      const globs = unmatchedGlobs;
      const paths = found.missing.filter((p) => !globs.includes(p));
      if (paths.length) io.stderr(`edgelint: no such file or folder: ${escapeControl(paths.join(', '))}\n`);
      if (globs.length) io.stderr(`edgelint: No files matched the pattern ${escapeControl(globs.map((g) => `"${g}"`).join(', '))}\n`);
      return 2;
    }
    for (const { path, problem } of found.problems) report(path, '', [problem]);
    const jobs: LintJob[] = [];
    for (const path of found.files) {
      const configError = workspace.configFailure(path);
      if (configError) {
        io.stderr(`edgelint: ${escapeControl(configError)}\n`);
        return 2;
      }
      if (workspace.ignored(path)) {
        debug?.line(`${show(path)}: ignored by "ignores" in ${workspace.configFor(path).path ?? 'the config'}`);
        continue;
      }
      jobs.push({ path, explicit: found.explicit.has(path) });
    }
    // Worker threads only for a plain lint when the file count makes them pay: --fix writes files, and --cache,
    // --fix-dry-run and --debug keep their state on this thread.
    const plain = !options.fix && !options.fixDryRun && !cache && !debug;
    const threads = plain ? threadCount(options.concurrency, jobs.length) : 1;
    if (threads > 1) {
      const setup = { maxFileSize: options.maxFileSize, forcedConfig: forced, cwd: io.cwd, settings, roots, noIgnore: options.noIgnore, ignorePatterns: options.ignorePatterns };
      for (const result of await lintInWorkers(jobs, threads, setup)) report(result.path, result.text, result.problems, result.suppressed);
    } else {
      for (const { path, explicit } of jobs) {
        const result = runner.run(path, explicit);
        report(path, result.text, result.problems, result.suppressed, result.output);
      }
    }
    checked += jobs.length;
    if (options.paths.length > 0 && checked === 0 && found.problems.length === 0 && !options.allowUnmatched) {
      io.stderr(`edgelint: No files matched ${options.paths.map((p) => `"${p}"`).join(', ')} (nothing edgelint lints, or all ignored)\n`);
      return 2;
    }
    if (cache) {
      try {
        cache.results.save();
      } catch (error) {
        io.stderr(`edgelint: warning: cannot write the cache ${escapeControl(`${cache.results.path}: ${error instanceof Error ? error.message : String(error)}`)}\n`);
      }
    }
    debug?.line(`${runner.counts.linted} linted, ${runner.counts.cached} from the cache`);
  }
  debug?.summary();
  const color = options.outputFile ? options.color === true : useColor(options.color, io.env ?? {}, io.isTTY ?? false);
  const shown = options.quiet ? reports.map((r) => ({ ...r, problems: r.problems.filter((p) => p.severity === 'error') })) : reports;
  const output = format(options, shown, io.cwd, { files: checked, seconds: (now() - started) / 1000, color });
  if (options.outputFile) {
    const target = resolve(io.cwd, options.outputFile);
    try {
      writeReport(target, output);
    } catch (error) {
      io.stderr(`edgelint: cannot write the report to ${target}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
  } else io.stdout(output);
  const unresolved = unresolvedBindings(reports);
  if (unresolved.length > 0 && options.format === 'stylish') {
    io.stderr(`edgelint: note: KV-like calls on ${unresolved.length === 1 ? 'a binding' : `${unresolved.length} bindings`} nothing declares (${escapeControl(unresolved.join(', '))}) were not checked by the KV rules; declare them in a wrangler config or type them as KVNamespace in your Env.\n`);
  }
  const t = tally(reports);
  const tooManyWarnings = options.maxWarnings !== undefined && t.warnings > options.maxWarnings;
  if (tooManyWarnings) io.stderr(`edgelint: ${t.warnings === 1 ? '1 warning exceeds' : `${t.warnings} warnings exceed`} --max-warnings ${options.maxWarnings}\n`);
  return t.errors > 0 || tooManyWarnings ? 1 : 0;
}

function format(options: CliOptions, reports: FileReport[], cwd: string, stats: RunStats): string {
  switch (options.format) {
    case 'json': return `${formatJson(reports)}\n`;
    case 'sarif': return `${formatSarif(reports.filter((r) => r.problems.length > 0), allRules, VERSION, `${pathToFileURL(cwd).href}/`)}\n`;
    case 'github': return formatGithub(reports);
    case 'unix': return formatUnix(reports);
    case 'compact': return formatCompact(reports);
    default: return formatStylish(reports, stats);
  }
}

/** Lints standard input; with `--fix` or `--fix-dry-run`, `output` is the fixed text when fixes changed it. */
function lintStdin(workspace: Workspace, path: string, text: string, options: CliOptions, settings: AdapterSettings): FileLint & { output?: string } {
  const before = workspace.lintText(path, text, settings, true);
  if (!(options.fix || options.fixDryRun) || !before.problems.some((p) => p.fix)) return before;
  const output = workspace.fixText(path, text, settings, before.kind);
  return output === text ? before : { ...workspace.lintText(path, output, settings, true), output };
}

/** The cache for this run: its key covers the code, rules, settings that change results, `--config` and the working folder. */
function openCache(options: CliOptions, cwd: string, workspace: Workspace, forced: ResolvedConfig | undefined) {
  const path = cacheFilePath(cwd, options.cacheLocation);
  const key = contentHash(JSON.stringify({
    version: VERSION, code: codeFingerprint(), rules: [...ruleIds].sort(), overrides: [...options.rules].sort(),
    unused: options.reportUnusedDisableDirectives ?? null, maxFileSize: options.maxFileSize, cwd: relative(dirname(path), cwd),
    config: forced ? { path: forced.path, text: workspace.readFile(forced.path!) ?? null } : null,
  }));
  const read = (file: string) => workspace.readFile(file);
  return { results: LintCache.load(path, key, read), facts: new FactDependencies(read, forced, (dir) => workspace.rootOf(dir)) };
}

function loadForcedConfig(path: string, maxFileSize: number, io: CliIo): ResolvedConfig | null {
  const source = readSource(path, maxFileSize);
  if (!source.ok) {
    io.stderr(`edgelint: cannot read config ${escapeControl(`${path}: ${source.problem.message}`)}\n`);
    return null;
  }
  const resolved = { ...parseConfig(source.text, ruleOptionDefaults, path.endsWith('package.json')), path };
  const fatal = resolved.problems.find((p) => p.fatal);
  if (fatal) {
    const at = new LineIndex(source.text).position(fatal.start);
    io.stderr(`edgelint: invalid config ${escapeControl(`${path}:${at.line + 1}:${at.character + 1}: ${fatal.message}`)}\n`);
    return null;
  }
  return resolved;
}
