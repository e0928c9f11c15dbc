// One Workspace for the CLI and the language server: read (regular files, capped, BOM/UTF-16), discover, ignore, lint, fix.
// Both adapters go through it, so a file reads, is ignored and lints the same way in CI and in the editor.
import { readdirSync } from 'node:fs';
import { dirname, basename, relative, sep } from 'node:path';
import { createProject, fixText, lintText, type AdapterSettings, type Project, type ResolvedConfig } from '../api';
import { isIgnored, isTestPath, type RuleSetting } from '../engine/config';
import { fileKind } from '../engine/file-kind';
import { kindOfFile } from '../engine/languages';
import { LineIndex } from '../engine/line-index';
import { FILE_ERROR, type FileKind, type Problem, type SuppressedProblem } from '../engine/types';
import { ruleById } from '../rules';
import { type WalkError } from './discover';
import { discoverPaths } from './globs';
import { Boundary } from './boundary';
import { DirListings } from './dir-listings';
import { PatternRules } from './ignore-rules';
import { DEFAULT_MAX_FILE_SIZE, encode, readSource, readStamped, type SourceRead } from './read-source';
import { writeFixed, writeRefusal, type CreateFile } from './safe-write';

/** How a Workspace reads. */
export interface WorkspaceOptions {
  /** Files (and open buffers) larger than this are reported, not linted; config lookups are capped by it too. */
  maxFileSize?: number;
  /** Replaces the config lookup (CLI `--config`). */
  forcedConfig?: ResolvedConfig;
  /** Open documents (language server): their text wins over the disk, also for project facts and config. */
  overlay?: (path: string) => string | undefined;
  /** Folder that `ignores` globs are relative to when no config file was found. */
  cwd?: string;
  /** Project roots (CLI: git root or cwd per given path); else the workspace folders of `setRoots`. See boundary.ts. */
  roots?: readonly string[];
  /** `--no-ignore`: no .gitignore, config `ignores` or `ignorePatterns` (node_modules, .git… stay skipped). */
  noIgnore?: boolean;
  /** `--ignore-pattern`s (gitignore syntax, relative to `cwd`). */
  ignorePatterns?: readonly string[];
  /** Creates the temp file of a `--fix` write (fault tests inject ENOSPC). */
  createFile?: CreateFile;
  /**
   * Files do not change while this Workspace lives (a CLI run): texts read for facts, config and module summaries are
   * kept, so a module imported by many files is read once (and compared by identity, not character by character).
   */
  stableFiles?: boolean;
}

/** The lint of one file: its text (as linted), kind, BOM and problems. */
export interface FileLint {
  path: string;
  text: string;
  kind: FileKind | undefined;
  bom: string;
  problems: Problem[];
  /** Problems that disable comments silenced (JSON output's `suppressedMessages`). */
  suppressed?: SuppressedProblem[];
}

/** What discovery found: files to lint, and problems on paths that are not linted (unreadable folders, a `_headers` folder). */
export interface Discovery {
  files: string[];
  /** Paths named on the command line (not found by a walk): unknown kinds are reported, not skipped. */
  explicit: Set<string>;
  problems: { path: string; problem: Problem }[];
  missing: string[];
}

/** A file-level problem (read failures, unknown files): fatal, at offset 0. */
export function fileProblem(message: string, severity: Problem['severity']): Problem {
  return { ruleId: FILE_ERROR, severity, message, start: 0, end: 0, fatal: true };
}

/** Files, project facts and config of one workspace (a CLI run, or a language server session). */
export class Workspace {
  readonly project: Project;
  readonly maxFileSize: number;
  /** Texts read so far, when files are stable (`stableFiles`). */
  private readonly texts: Map<string, string | undefined> | undefined;
  /** Folder listings, when files are stable: missing files cost no syscall, real paths no realpath. */
  private readonly listings: DirListings | undefined;

  constructor(private readonly options: WorkspaceOptions = {}) {
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.boundary = new Boundary(options.roots ?? []);
    this.patterns = options.ignorePatterns?.length && !options.noIgnore ? new PatternRules(options.ignorePatterns, options.cwd ?? process.cwd()) : undefined;
    this.texts = options.stableFiles ? new Map() : undefined;
    this.listings = options.stableFiles ? new DirListings() : undefined;
    this.project = createProject({ readFile: (path) => this.readFile(path), listDir: (dir) => this.listings?.names(dir) ?? listDir(dir), configRoot: (dir) => this.boundary.rootOf(dir) }, options.forcedConfig);
  }

  private boundary: Boundary;
  private readonly patterns?: PatternRules;

  /** The text of a file for project facts and config lookups: the open buffer, else the disk (capped); undefined when unreadable. */
  readFile(path: string): string | undefined {
    const open = this.options.overlay?.(path);
    if (open !== undefined) return open;
    if (this.texts?.has(path)) return this.texts.get(path);
    if (this.listings && !this.listings.mayExist(path)) {
      this.texts!.set(path, undefined);
      return undefined;
    }
    if (this.boundary.leaves(path, this.listings?.realPathOf(path))) return undefined;
    const source = readSource(path, this.maxFileSize);
    const text = source.ok ? source.text : undefined;
    this.texts?.set(path, text);
    return text;
  }


  /** Reads a file for linting: the open buffer, else the disk; failures are problems. */
  read(path: string): SourceRead {
    const open = this.options.overlay?.(path);
    if (open !== undefined) return { ok: true, text: open, bom: '' };
    return this.boundary.leaves(path, this.listings?.realPathOf(path)) ? { ok: false, problem: leavesProject() } : readSource(path, this.maxFileSize);
  }

  /**
   * The files under `paths` (relative to `cwd`), with the walk's problems on paths the config does not ignore. A problem
   * that belongs to a rule (a `_headers` folder: `headers-file-location`) gets that rule's severity from `overrides`, else
   * the config, else the rule's default, and is dropped when the rule is off.
   */
  discover(paths: readonly string[], cwd: string, overrides?: ReadonlyMap<string, RuleSetting>): Discovery {
    const found = discoverPaths(paths, cwd, this.options);
    const problems: Discovery['problems'] = [];
    for (const error of found.errors) {
      if (this.ignored(error.path)) continue;
      const problem = this.walkProblem(error, overrides);
      if (problem) problems.push({ path: error.path, problem });
    }
    return { files: found.files, explicit: found.explicit, missing: found.missing, problems };
  }

  private walkProblem(error: WalkError, overrides: ReadonlyMap<string, RuleSetting> | undefined): Problem | undefined {
    const rule = error.ruleId ? ruleById(error.ruleId) : undefined;
    if (!rule) return fileProblem(error.message, error.severity ?? 'error');
    const severity = overrides?.get(rule.id)?.severity ?? this.configFor(error.path).config.rules.get(rule.id)?.severity ?? rule.defaultSeverity;
    return severity === 'off' ? undefined : { ruleId: rule.id, severity, message: error.message, start: 0, end: 0 };
  }

  /** The project root above a folder (config lookups stop there); the CLI cache's recording Project uses it too. */
  rootOf(dir: string): string | undefined {
    return this.boundary.rootOf(dir);
  }

  /** The edgelint config that applies to a path. */
  configFor(path: string): ResolvedConfig {
    return this.project.configFor(path);
  }

  /** True when the path is test or fixture code, relative to the config's folder (or the workspace root), as `ignores` are. */
  isTestCode(path: string): boolean {
    const resolved = this.project.configFor(path);
    const root = resolved.path ? dirname(resolved.path) : this.options.cwd ?? this.roots.find((r) => !relative(r, path).startsWith('..'));
    return root !== undefined && isTestPath(relative(root, path).split(sep).join('/'));
  }

  /** Workspace folders (the language server's), the root for `tests` when there is no config and no cwd. */
  setRoots(roots: readonly string[]): void {
    this.roots = [...roots].sort((a, b) => b.length - a.length);
    if (!this.options.roots) this.boundary = new Boundary(roots);
  }

  private roots: string[] = [];

  /** True when the nearest config's `ignores` cover the path (relative to the config's folder). */
  ignored(path: string): boolean {
    if (this.options.noIgnore) return false;
    if (this.patterns?.decide(path, false)) return true;
    const resolved = this.project.configFor(path);
    return isIgnored(resolved.config, resolved.path, path, resolved.path ? dirname(resolved.path) : this.options.cwd ?? dirname(path));
  }

  /** The first fatal problem of the config that applies to `path`, as `invalid config <file>:<line>:<col>: <message>`. */
  configFailure(path: string): string | undefined {
    const resolved = this.project.configFor(path);
    const fatal = resolved.problems.find((p) => p.fatal);
    if (!fatal || !resolved.path) return undefined;
    const at = new LineIndex(this.readFile(resolved.path) ?? '').position(fatal.start);
    return `invalid config ${resolved.path}:${at.line + 1}:${at.character + 1}: ${fatal.message}`;
  }

  /**
   * Lints `text` as the file at `path` (config problems of a config file included). A file of unknown kind lints to
   * nothing, unless `explicit` (named on the command line): then its content decides (a shebang, a top-level `jobs:`…),
   * and when it cannot, it is one warning saying edgelint does not understand it.
   */
  lintText(path: string, text: string, settings: AdapterSettings = {}, explicit = false): FileLint {
    const kind = fileKind(path) ?? (explicit ? kindOfFile(path, text) : undefined);
    const result = (problems: Problem[]): FileLint => ({ path, text, kind, bom: '', problems });
    if (!kind) return result(explicit ? [notUnderstood(path)] : []);
    if (text.length > this.maxFileSize) {
      return result([fileProblem(`File has ${text.length} characters, over the ${this.maxFileSize}-character limit; not linted.`, 'warn')]);
    }
    const linted = lintText(this.project, path, text, { ...settings, kind, testCode: this.isTestCode(path) });
    return { ...result(linted.problems), suppressed: linted.suppressed ?? [] };
  }

  /** Reads and lints a file (the open buffer when there is one). */
  lint(path: string, settings: AdapterSettings = {}, explicit = false): FileLint {
    const source = this.read(path);
    if (!source.ok) return { path, text: '', kind: fileKind(path), bom: '', problems: [source.problem] };
    return { ...this.lintText(path, source.text, settings, explicit), bom: source.bom };
  }

  /** The text after applying fixes until stable (max 10 passes); the same text when nothing applies. */
  fixText(path: string, text: string, settings: AdapterSettings = {}, kind = fileKind(path)): string {
    if (!kind || text.length > this.maxFileSize) return text;
    return fixText(this.project, path, text, { ...settings, kind, testCode: this.isTestCode(path) }).text;
  }

  /**
   * Fixes a file on disk and returns the lint of the fixed text. The write (safe-write.ts) goes through a temp file and a
   * rename, keeps the BOM, and happens only when the file is unchanged since it was read, inside the project, not
   * read-only and not hard-linked; otherwise, or when the write fails, the file keeps its text and gets one error.
   */
  fix(path: string, settings: AdapterSettings = {}, explicit = false): FileLint & { changed: boolean } {
    const { source, stamp } = this.boundary.leaves(path) ? { source: this.read(path), stamp: undefined } : readStamped(path, this.maxFileSize);
    if (!source.ok) return { path, text: '', kind: fileKind(path), bom: '', problems: [source.problem], changed: false };
    const before = { ...this.lintText(path, source.text, settings, explicit), bom: source.bom };
    if (before.problems.some((p) => p.ruleId === FILE_ERROR) || !before.problems.some((p) => p.fix)) return { ...before, changed: false };
    const fixed = this.fixText(path, before.text, settings, before.kind);
    if (fixed === before.text) return { ...before, changed: false };
    const failure = writeRefusal(path, stamp, (p) => this.boundary.leaves(p)) ?? writeFixed(path, encode(fixed, before.bom), this.options.createFile);
    if (failure) return { ...before, problems: [fileProblem(failure, 'error'), ...before.problems], changed: false };
    return { ...this.lintText(path, fixed, settings, explicit), bom: before.bom, changed: true };
  }
}

/** A file named on the command line that edgelint has no kind for: reported, never silently skipped. */
function notUnderstood(path: string): Problem {
  return fileProblem(`Not a file edgelint understands (${basename(path)}): it lints Worker sources (JS/TS), wrangler config, _headers, package.json, CI workflows and shell scripts; not linted.`, 'warn');
}

/** A symlink (or a path through one) whose target lies outside the project root: never read, never quoted. */
function leavesProject(): Problem {
  return fileProblem('Link points outside the project root; not read (edgelint reads and fixes only inside it).', 'warn');
}

/** Host.listDir: folder entries on disk (finds `wrangler.*.toml` variants next to the config). */
function listDir(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}
