// Parses edgelint's command line into options; usage errors throw UsageError (exit code 2).
import { parseSeverity, type RuleSetting } from '../engine/config';
import type { SeveritySetting } from '../engine/types';

/** Output formats. */
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'unix', 'compact'] as const;
export type Format = (typeof FORMATS)[number];

/** Parsed command-line options. */
export interface CliOptions {
  paths: string[];
  format: Format;
  fix: boolean;
  maxWarnings?: number;
  rules: Map<string, RuleSetting>;
  config?: string;
  stdin: boolean;
  stdinFilename?: string;
  listRules: boolean;
  version: boolean;
  help: boolean;
  lsp: boolean;
  maxFileSize: number;
  /** `edgelint explain <rule-id>`: the rule to explain. */
  explain?: string;
  /** `--quiet`: print errors only (warnings still count for --max-warnings, as ESLint). */
  quiet: boolean;
  /** `-o/--output-file`: write the report there instead of stdout. */
  outputFile?: string;
  /** `--color`/`--no-color`; unset = FORCE_COLOR/NO_COLOR, else whether stdout is a terminal. */
  color?: boolean;
  /** Severity for disable comments that silenced nothing; unset = the config's setting. */
  reportUnusedDisableDirectives?: SeveritySetting;
  /** `--cache`: reuse results of files (and dependencies) that did not change. */
  cache: boolean;
  /** `--cache-location`: the cache file, or a folder to hold `.edgelintcache`. */
  cacheLocation?: string;
  /** `--debug`: what was read, linted, skipped and how long rules took, on stderr. */
  debug: boolean;
  /** `--fix-dry-run`: compute fixes without writing; JSON output carries the fixed text as `output` (as ESLint). */
  fixDryRun: boolean;
  /** `--print-config <file>`: print the resolved config for that file and where each setting came from. */
  printConfig?: string;
  /** `--init`: write a commented `.edgelintrc.json` in the working folder. */
  init: boolean;
  /** `explain --cache-control <value>`: what the value does in each context. */
  explainCacheControl?: string;
  /** `--no-error-on-unmatched-pattern`: a glob that matches nothing (or paths with nothing to lint) is not an error. */
  allowUnmatched: boolean;
  /** `explain --cache-control … --header <name>`: CDN-Cache-Control or Cloudflare-CDN-Cache-Control. */
  header?: string;
  /** `--ignore-pattern <pattern>` (repeatable): gitignore syntax, relative to cwd. */
  ignorePatterns?: string[];
  /** `--no-ignore`: no .gitignore, config `ignores` or `--ignore-pattern` (node_modules, .git, .wrangler stay skipped). */
  noIgnore?: boolean;
  /** `--concurrency`: worker threads for linting (a count, `auto` or `off`); default auto. */
  concurrency: number | 'auto' | 'off';
}

/** A usage mistake: reported on stderr with exit code 2. */
export class UsageError extends Error {}

export const HELP = `Usage: edgelint [options] [paths or globs...]   (quote globs: 'src/**/*.ts')
       edgelint explain <rule-id> [--format json]   a rule's description, severities, fixability, why and how to fix
       edgelint explain --cache-control "<value>" [--header cdn-cache-control] [--format json]
                                                    what the value does at Cloudflare's edge, in Workers Cache,
                                                    in cache.put and in browsers
       edgelint --print-config <file>               the config that applies to a file and where each setting comes from
       edgelint --init                              write a commented .edgelintrc.json here (never overwrites)

Lints Cloudflare Workers projects for edge-caching mistakes: Worker sources (JS/TS),
wrangler config (wrangler.toml/json/jsonc and wrangler.<env>.toml variants), _headers,
package.json scripts, CI workflows and shell scripts. A file named explicitly with a name
edgelint does not know is recognised by its content (#! line) or reported.

Options:
  --format <name>          stylish (default), json, sarif, github, unix (path:line:col: message [Severity/rule]), compact
  --fix                    apply safe fixes in place (never suggestions), re-linting until stable;
                           with --stdin, print the fixed text on stdout (the report goes to stderr)
  --fix-dry-run            compute the fixes without writing; --format json gives the fixed text as "output"
  --max-warnings <n>       exit 1 when there are more than n warnings
  --rule <id>:<severity>   override a rule's severity (off, info, warn, error); repeatable; ESLint's
                           spelling works too: --rule 'id: error', --rule '{"a": "off", "b": "error"}'
  --quiet                  report errors only (warnings still count for --max-warnings)
  -o, --output-file <path> write the report to this file (atomically) instead of standard output
  --config <file>          use this .edgelintrc.json-style file instead of looking one up
  --report-unused-disable-directives
                           report edgelint-disable comments that silenced nothing (as errors; --fix removes them)
  --report-unused-disable-directives-severity <severity>
                           the same with a severity: off, info, warn or error
  --cache                  only lint files that changed (or whose config, wrangler files, Env types or
                           imported helpers changed) since the last --cache run
  --cache-location <path>  the cache file, or a folder for it; default .edgelintcache
  --debug                  print what edgelint reads, lints and skips, and rule timings, on stderr
  --stdin, -               lint text from standard input
  --stdin-filename <name>  the path the stdin text stands for (decides the file kind)
  --no-error-on-unmatched-pattern
                           a glob that matches nothing, or paths with nothing to lint, exit 0 (lint-staged)
  --max-file-size <bytes>  skip (and report) larger files; default 1048576
  --concurrency <n|auto|off>
                           lint in n worker threads; auto (default) uses the cores when there are enough files to pay
  --color, --no-color      force colour on or off (default: on for a terminal; FORCE_COLOR and NO_COLOR apply)
  --list-rules             list the rules (id, default severity, fixable, docs); works with --format json
  --lsp                    run the language server over stdio (for any LSP client)
  --ignore-pattern <pat>   skip paths matching this .gitignore-style pattern (relative to cwd); repeatable
  --no-ignore              lint what .gitignore, config "ignores" and --ignore-pattern skip (not node_modules/.git)
  --version                print the version
  --help                   print this help

Exit codes: 0 no errors, 1 errors or too many warnings, 2 usage, config or internal failure.`;

/** Parses argv (without node and script). */
export function parseArgs(argv: readonly string[], knownRules: ReadonlySet<string>): CliOptions {
  const options: CliOptions = {
    paths: [], format: 'stylish', fix: false, rules: new Map(), stdin: false, quiet: false, listRules: false, version: false,
    help: false, lsp: false, maxFileSize: 1024 * 1024, cache: false, debug: false, fixDryRun: false, init: false, allowUnmatched: false,
    concurrency: 'auto',
  };
  if (argv[0] === 'explain' && argv[1] === '--cache-control') {
    const value = argv[2];
    if (value === undefined) throw new UsageError('explain --cache-control needs a value: edgelint explain --cache-control "public, max-age=60"');
    const rest = parseArgs(argv.slice(3), knownRules);
    if (rest.paths.length > 0 || rest.stdin) throw new UsageError('explain --cache-control takes one value (quote it)');
    return { ...rest, explainCacheControl: value };
  }
  if (argv[0] === 'explain') {
    const id = argv[1];
    if (id === undefined || id.startsWith('-')) throw new UsageError('explain needs a rule id: edgelint explain <rule-id> [--format json]');
    if (!knownRules.has(id)) throw new UsageError(`unknown rule "${id}" (see --list-rules)`);
    const rest = parseArgs(argv.slice(2), knownRules);
    if (rest.paths.length > 0 || rest.stdin) throw new UsageError('explain takes one rule id');
    return { ...rest, explain: id };
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': case '-f': {
        const format = value();
        if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}"; use one of ${FORMATS.join(', ')}`);
        options.format = format as Format;
        break;
      }
      case '--fix': options.fix = true; break;
      case '--fix-dry-run': options.fixDryRun = true; break;
      case '--print-config': options.printConfig = value(); break;
      case '--init': options.init = true; break;
      case '--no-error-on-unmatched-pattern': options.allowUnmatched = true; break;
      case '--header': options.header = value(); break;
      case '--color': options.color = true; break;
      case '--no-color': options.color = false; break;
      case '--max-warnings': options.maxWarnings = nonNegativeInteger(flag, value()); break;
      case '--max-file-size': options.maxFileSize = nonNegativeInteger(flag, value()); break;
      case '--rule': for (const [id, severity] of ruleSpecs(value(), knownRules)) options.rules.set(id, { severity }); break;
      case '--quiet': options.quiet = true; break;
      case '--output-file': case '-o': options.outputFile = value(); break;
      case '--config': case '-c': options.config = value(); break;
      case '--report-unused-disable-directives': options.reportUnusedDisableDirectives = 'error'; break;
      case '--report-unused-disable-directives-severity': {
        const raw = value();
        const severity = parseSeverity(raw);
        if (!severity) throw new UsageError(`${flag} takes off, info, warn or error, got "${raw}"`);
        options.reportUnusedDisableDirectives = severity;
        break;
      }
      case '--cache': options.cache = true; break;
      case '--cache-location': options.cacheLocation = value(); break;
      case '--debug': options.debug = true; break;
      case '--concurrency': {
        const raw = value();
        if (raw !== 'auto' && raw !== 'off' && !/^[1-9]\d{0,2}$/.test(raw)) throw new UsageError(`--concurrency takes a thread count (1-999), auto or off, got "${raw}"`);
        options.concurrency = raw === 'auto' || raw === 'off' ? raw : Number(raw);
        break;
      }
      case '--stdin': options.stdin = true; break;
      case '--stdin-filename': options.stdinFilename = value(); break;
      case '--list-rules': options.listRules = true; break;
      case '--version': case '-v': options.version = true; break;
      case '--help': case '-h': options.help = true; break;
      case '--lsp': case '--stdio': options.lsp = true; break;
      case '--ignore-pattern': (options.ignorePatterns ??= []).push(value()); break;
      case '--no-ignore': options.noIgnore = true; break;
      case '-': options.stdin = true; break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}" (see --help)`);
        options.paths.push(arg);
    }
  }
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (options.stdinFilename && !options.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (options.stdin && options.paths.length > 0) throw new UsageError('--stdin cannot be combined with paths');
  return options;
}

/**
 * `--rule` values: `id:severity`, or ESLint's spelling `id: error`, `{ "id": "error" }` and several comma-separated
 * entries; severities are off/info/warn/error, `warning` or 0/1/2. Rule options (`[error, …]`) are config-file only.
 */
function ruleSpecs(spec: string, knownRules: ReadonlySet<string>): [string, SeveritySetting][] {
  const body = spec.trim().replace(/^\{([\s\S]*)\}$/, '$1');
  const bad = () => new UsageError(`--rule takes <id>:<off|info|warn|error> (or ESLint's "id: error"), got "${spec}"`);
  if (/[[\]]/.test(body)) throw new UsageError(`--rule sets severities only; put rule options in the config file, got "${spec}"`);
  const entries = body.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0) throw bad();
  return entries.map((entry) => {
    const at = entry.lastIndexOf(':');
    const unquote = (text: string) => text.trim().replace(/^(["'])(.*)\1$/, '$2');
    const id = unquote(entry.slice(0, Math.max(at, 0)));
    const severity = parseSeverity(unquote(entry.slice(at + 1)));
    if (at <= 0 || !id || !severity) throw bad();
    if (!knownRules.has(id)) throw new UsageError(`unknown rule "${id}" (see --list-rules)`);
    return [id, severity];
  });
}

function nonNegativeInteger(flag: string, raw: string): number {
  if (!/^\d+$/.test(raw)) throw new UsageError(`${flag} takes a whole number, got "${raw}"`);
  return Number(raw);
}
