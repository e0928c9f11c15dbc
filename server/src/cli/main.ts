// The CLI as a function: argv and IO in, exit code out (0 clean, 1 errors/too many warnings, 2 usage/config/internal).
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResolvedConfig } from '../api';
import { parseConfig } from '../engine/config';
import { docsUrl } from '../engine/define-rule';
import { LineIndex } from '../engine/line-index';
import { UNRESOLVED_BINDING, type Problem, type SuppressedProblem } from '../engine/types';
import { allRules, ruleIds } from '../rules';
import { HELP, parseArgs, UsageError, type CliOptions } from './args';
import { escapeControl } from './formatters/escape';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { readSource } from '../node-io/read-source';
import { Workspace } from '../node-io/workspace';
import { positioned, tally, type FileReport } from './report';
import { VERSION } from '../version';

/** What the CLI may touch besides the file system. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
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
    if (options.lsp) {
      const { runStdio } = await import('../lsp/stdio');
      runStdio();
      return await new Promise<number>(() => undefined);
    }
    return await lint(options, io);
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
  const forced = options.config ? loadForcedConfig(resolve(io.cwd, options.config), options.maxFileSize, io) : undefined;
  if (forced === null) return 2;
  const workspace = new Workspace({ maxFileSize: options.maxFileSize, forcedConfig: forced, cwd: io.cwd });
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
  } else {
    const found = workspace.discover(options.paths.length ? options.paths : ['.'], io.cwd, options.rules);
    if (found.missing.length) {
      io.stderr(`edgelint: no such file or folder: ${escapeControl(found.missing.join(', '))}\n`);
      return 2;
    }
    for (const { path, problem } of found.problems) report(path, '', [problem]);
    for (const path of found.files) {
      const configError = workspace.configFailure(path);
      if (configError) {
        io.stderr(`edgelint: ${escapeControl(configError)}\n`);
        return 2;
      }
      if (workspace.ignored(path)) continue;
      const explicit = found.explicit.has(path);
      const result = options.fix ? workspace.fix(path, settings, explicit) : workspace.lint(path, settings, explicit);
      report(path, result.text, result.problems, result.suppressed);
    }
  }
  io.stdout(format(options, reports, io.cwd));
  const unresolved = unresolvedBindings(reports);
  if (unresolved.length > 0 && options.format === 'stylish') {
    io.stderr(`edgelint: note: KV-like calls on ${unresolved.length === 1 ? 'a binding' : `${unresolved.length} bindings`} nothing declares (${escapeControl(unresolved.join(', '))}) were not checked by the KV rules; declare them in a wrangler config or type them as KVNamespace in your Env.\n`);
  }
  const t = tally(reports);
  return t.errors > 0 || (options.maxWarnings !== undefined && t.warnings > options.maxWarnings) ? 1 : 0;
}

function format(options: CliOptions, reports: FileReport[], cwd: string): string {
  switch (options.format) {
    case 'json': return `${formatJson(reports)}\n`;
    case 'sarif': return `${formatSarif(reports.filter((r) => r.problems.length > 0), allRules, VERSION, `${pathToFileURL(cwd).href}/`)}\n`;
    case 'github': return formatGithub(reports);
    default: return formatStylish(reports);
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
