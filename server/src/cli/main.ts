// The CLI as a function: argv and IO in, exit code out (0 clean, 1 errors/too many warnings, 2 usage/config/internal).
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResolvedConfig } from '../api';
import { parseConfig } from '../engine/config';
import { docsUrl } from '../engine/define-rule';
import { LineIndex } from '../engine/line-index';
import { setTreeRetention } from '../engine/parse/worker';
import { UNRESOLVED_BINDING, type Problem, type SuppressedProblem } from '../engine/types';
import { allRules, ruleIds } from '../rules';
import { useColor } from './color';
import { explainRule } from './explain';
import { HELP, parseArgs, UsageError, type CliOptions } from './args';
import { escapeControl } from './formatters/escape';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatCompact, formatUnix } from './formatters/unix';
import { formatStylish, type RunStats } from './formatters/stylish';
import { readSource } from '../node-io/read-source';
import { Workspace } from '../node-io/workspace';
import { writeReport } from '../node-io/write-report';
import { lintInWorkers, threadCount, type LintJob } from './parallel';
import { positioned, tally, type FileReport } from './report';
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
  const rows = allRules.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, fixable: r.fixable, hasSuggestions: r.hasSuggestions, description: r.description, docs: docsUrl(r.id) }));
  if (json) return `${JSON.stringify(rows, null, 2)}\n`;
  const width = Math.max(...rows.map((r) => r.id.length));
  return `${rows.map((r) => `${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(5)}  ${r.fixable ? 'fixable' : '       '}  ${r.docs}`).join('\n')}\n`;
}

async function lint(options: CliOptions, io: CliIo): Promise<number> {
  const now = io.now ?? (() => performance.now());
  const started = now();
  let checked = 0;
  const forced = options.config ? loadForcedConfig(resolve(io.cwd, options.config), options.maxFileSize, io) : undefined;
  if (forced === null) return 2;
  const workspace = new Workspace({ maxFileSize: options.maxFileSize, forcedConfig: forced, cwd: io.cwd, stableFiles: !options.fix });
  const settings = { overrides: options.rules, reportUnusedDisableDirectives: options.reportUnusedDisableDirectives };
  const reports: FileReport[] = [];
  const report = (path: string, text: string, problems: Problem[], suppressed: SuppressedProblem[] = []) => reports.push({
    path, relativePath: relative(io.cwd, path).split(sep).join('/') || path, problems: positioned(text, problems), text,
    suppressed: positioned(text, suppressed),
  });

  if (options.stdin) {
    const path = resolve(io.cwd, options.stdinFilename ?? 'stdin.ts');
    const text = await io.readStdin();
    const result = workspace.lintText(path, text, settings, true);
    report(path, text, result.problems, result.suppressed);
    checked++;
  } else {
    const found = workspace.discover(options.paths.length ? options.paths : ['.'], io.cwd, options.rules);
    if (found.missing.length) {
      io.stderr(`edgelint: no such file or folder: ${escapeControl(found.missing.join(', '))}\n`);
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
      if (!workspace.ignored(path)) jobs.push({ path, explicit: found.explicit.has(path) });
    }
    // --fix writes files and stays on this thread; otherwise worker threads when the file count makes them pay.
    const threads = options.fix ? 1 : threadCount(options.concurrency, jobs.length);
    const results = threads > 1
      ? await lintInWorkers(jobs, threads, { maxFileSize: options.maxFileSize, forcedConfig: forced, cwd: io.cwd, settings })
      : jobs.map(({ path, explicit }) => (options.fix ? workspace.fix(path, settings, explicit) : workspace.lint(path, settings, explicit)));
    for (const result of results) report(result.path, result.text, result.problems, result.suppressed);
    checked += results.length;
    if (options.paths.length > 0 && checked === 0 && found.problems.length === 0) {
      io.stderr(`edgelint: No files matched ${options.paths.map((p) => `"${p}"`).join(', ')} (nothing edgelint lints, or all ignored)\n`);
      return 2;
    }
  }
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

function loadForcedConfig(path: string, maxFileSize: number, io: CliIo): ResolvedConfig | null {
  const source = readSource(path, maxFileSize);
  if (!source.ok) {
    io.stderr(`edgelint: cannot read config ${escapeControl(`${path}: ${source.problem.message}`)}\n`);
    return null;
  }
  const resolved = { ...parseConfig(source.text, ruleIds, path.endsWith('package.json')), path };
  const fatal = resolved.problems.find((p) => p.fatal);
  if (fatal) {
    const at = new LineIndex(source.text).position(fatal.start);
    io.stderr(`edgelint: invalid config ${escapeControl(`${path}:${at.line + 1}:${at.character + 1}: ${fatal.message}`)}\n`);
    return null;
  }
  return resolved;
}
