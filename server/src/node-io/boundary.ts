// The project boundary: the folders edgelint may read, quote and write (CLI: the git root or cwd; server: workspace folders).
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** True when `path` is `root` or lies below it (lexically, no file-system access). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in worktrees and submodules). */
export function gitRoot(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(resolve(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * The CLI's project root for a path given on the command line (or cwd): the nearest git root, else `cwd` when the path
 * is inside it, else the path's own folder. Config lookups stop there; links leaving it are not followed.
 */
export function projectRoot(path: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  let folder = absolute;
  try {
    if (!statSync(absolute).isDirectory()) folder = dirname(absolute);
  } catch {
    folder = dirname(absolute);
  }
  return gitRoot(folder) ?? (isInside(cwd, folder) ? resolve(cwd) : folder);
}

/** A set of root folders; a path belongs to the deepest root that contains it. */
export class Boundary {
  private readonly roots: string[];
  private readonly realRoots = new Map<string, string>();

  constructor(roots: readonly string[]) {
    this.roots = [...new Set(roots.map((root) => resolve(root)))].sort((a, b) => b.length - a.length);
  }

  /** The root a path belongs to, or undefined when it is under none (no boundary applies then). */
  rootOf(path: string): string | undefined {
    return this.roots.find((root) => isInside(root, resolve(path)));
  }

  /**
   * True when `path` lies under a root but its real location (all symlinks resolved) does not: a link that leaves the
   * project. A path that does not exist does not leave (reading it fails on its own). `knownRealPath` (from cached folder
   * listings) saves the realpath call.
   */
  leaves(path: string, knownRealPath?: string): boolean {
    const root = this.rootOf(path);
    if (root === undefined) return false;
    const real = knownRealPath ?? realPath(path);
    return real !== undefined && !isInside(this.realRoot(root), real);
  }

  private realRoot(root: string): string {
    let real = this.realRoots.get(root);
    if (real === undefined) this.realRoots.set(root, real = realPath(root) ?? root);
    return real;
  }
}

/** The path with every symlink resolved, or undefined when it does not exist (or cannot be resolved). */
export function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}
