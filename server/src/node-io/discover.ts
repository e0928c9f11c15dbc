// Finds the files to lint: walks folders, skips node_modules/.git/.wrangler, honours .gitignore files and config ignores.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { fileKind } from '../engine/file-kind';
import headersFileLocation from '../rules/headers/headers-file-location';
import { DEFAULT_MAX_FILE_SIZE, readSource } from './read-source';

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

/** Lintable files under the given paths; files given explicitly are always returned, and also listed in `explicit`. */
export function discoverFiles(paths: readonly string[], cwd: string): { files: string[]; explicit: Set<string>; errors: WalkError[]; missing: string[] } {
  const files: string[] = [];
  const explicit = new Set<string>();
  const errors: WalkError[] = [];
  const missing: string[] = [];
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
    } else if (basename(absolute) === '_headers') errors.push(headersFolder(absolute));
    else walk(absolute, [rootIgnore(absolute, cwd)], files, errors);
  }
  return { files: [...new Set(files)].sort(), explicit, errors, missing };
}

interface Scope {
  base: string;
  rules: Ignore;
}

/** .gitignore files from the folder up to cwd (or the filesystem root) apply to the walk. */
function rootIgnore(dir: string, cwd: string): Scope {
  const rules = ignore();
  const stop = dir.startsWith(cwd) ? cwd : dir;
  const chain: string[] = [];
  for (let current = dir; ; current = resolve(current, '..')) {
    chain.unshift(current);
    if (current === stop || resolve(current, '..') === current) break;
  }
  const base = chain[0]!;
  for (const folder of chain) {
    const text = readIgnoreFile(join(folder, '.gitignore'));
    if (text) rules.add(prefixPatterns(text, relative(base, folder)));
  }
  return { base, rules };
}

function walk(dir: string, scopes: Scope[], files: string[], errors: WalkError[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    errors.push({ path: dir, message: `cannot read folder: ${(error as Error).message}` });
    return;
  }
  const local = readIgnoreFile(join(dir, '.gitignore'));
  const active = local && scopes[0]!.base !== dir ? [...scopes, { base: dir, rules: ignore().add(local) }] : scopes;
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    const isDir = entry.isDirectory();
    if (isIgnored(path, isDir, active)) continue;
    if (isDir && entry.name === '_headers') errors.push(headersFolder(path));
    else if (isDir) walk(path, active, files, errors);
    else if (fileKind(path)) files.push(path); // symlinks, FIFOs and devices too: the reader reports them, never reads them
  }
}

function isIgnored(path: string, isDir: boolean, scopes: Scope[]): boolean {
  return scopes.some((scope) => {
    const rel = relative(scope.base, path).split(sep).join('/');
    return rel !== '' && !rel.startsWith('..') && scope.rules.ignores(isDir ? `${rel}/` : rel);
  });
}

function readIgnoreFile(path: string): string | undefined {
  const source = readSource(path, DEFAULT_MAX_FILE_SIZE);
  return source.ok ? source.text : undefined;
}

function prefixPatterns(text: string, prefix: string): string {
  if (!prefix) return text;
  const p = prefix.split(sep).join('/');
  return text.split(/\r?\n/).map((line) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return line;
    const negated = trimmed.startsWith('!');
    const body = negated ? trimmed.slice(1) : trimmed;
    const anchored = body.includes('/') && !body.endsWith('/') || body.startsWith('/') ? `${p}/${body.replace(/^\//, '')}` : `${p}/**/${body}`;
    return negated ? `!${anchored}` : anchored;
  }).join('\n');
}
