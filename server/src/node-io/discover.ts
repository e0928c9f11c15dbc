// Finds the files to lint: walks folders, skips node_modules/.git/.wrangler, honours .gitignore files (git's rules) and --ignore-pattern.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileKind } from '../engine/file-kind';
import headersFileLocation from '../rules/headers/headers-file-location';
import { projectRoot } from './boundary';
import { GitRules, PatternRules } from './ignore-rules';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.wrangler', '.hg', '.svn']);

/** A path the walk could not read, reported instead of silently skipped. */
export interface WalkError {
  path: string;
  message: string;
  /** Defaults to error. */
  severity?: 'error' | 'warn';
  /** The rule this problem belongs to (its configured severity applies; `off` drops it); a `file-error` when unset. */
  ruleId?: string;
}

/** A folder named `_headers` is one `headers-file-location` problem on the folder (Cloudflare reads only a file of that name), not a walk into it. */
const headersFolder = (path: string): WalkError => ({ path, message: headersFileLocation.messages.folder, ruleId: headersFileLocation.id });

/** How a walk ignores: `--no-ignore` turns off .gitignore and `ignorePatterns` (node_modules, .git… stay skipped). */
export interface DiscoverOptions {
  noIgnore?: boolean;
  /** `--ignore-pattern`s, relative to cwd. */
  ignorePatterns?: readonly string[];
}

/** Lintable files under the given paths; files given explicitly are always returned, and also listed in `explicit`. */
export function discoverFiles(paths: readonly string[], cwd: string, options: DiscoverOptions = {}): { files: string[]; explicit: Set<string>; errors: WalkError[]; missing: string[] } {
  const files: string[] = [];
  const explicit = new Set<string>();
  const errors: WalkError[] = [];
  const missing: string[] = [];
  const patterns = options.ignorePatterns?.length ? new PatternRules(options.ignorePatterns, cwd) : undefined;
  const rulesByRoot = new Map<string, GitRules>();
  for (const input of paths) {
    const absolute = resolve(cwd, input);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      missing.push(input);
      continue;
    }
    if (!stats.isDirectory()) {
      // Files, FIFOs, devices: the reader reports what it will not read.
      files.push(absolute);
      explicit.add(absolute);
      continue;
    }
    const root = projectRoot(absolute, cwd);
    let rules = rulesByRoot.get(root);
    if (!rules && !options.noIgnore) rulesByRoot.set(root, rules = new GitRules(root, patterns));
    if (rules?.ignores(absolute, true)) continue;
    if (basename(absolute) === '_headers') errors.push(headersFolder(absolute));
    else walk(absolute, rules, files, errors);
  }
  return { files: [...new Set(files)].sort(), explicit, errors, missing };
}

function walk(dir: string, rules: GitRules | undefined, files: string[], errors: WalkError[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    errors.push({ path: dir, message: `cannot read folder: ${(error as Error).message}` });
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    const isDir = entry.isDirectory();
    if (rules?.decide(path, isDir)) continue;
    if (isDir && entry.name === '_headers') errors.push(headersFolder(path));
    else if (isDir) walk(path, rules, files, errors);
    else if (fileKind(path)) files.push(path); // symlinks, FIFOs and devices too: the reader reports them, never reads them
  }
}
