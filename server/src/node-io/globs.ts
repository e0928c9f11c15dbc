// Glob arguments (`edgelint 'src/**/*.ts'`): an argument that is not an existing path and has glob characters walks its static base and keeps matches.
import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { discoverFiles, type DiscoverOptions } from './discover';

const GLOB_CHARS = /[*?[\]{}]/;

/** True when an argument is a glob pattern rather than a path (an existing path with such characters stays a path). */
export function isGlobArgument(arg: string, cwd: string): boolean {
  if (!GLOB_CHARS.test(arg)) return false;
  try {
    statSync(resolve(cwd, arg));
    return false;
  } catch {
    return true;
  }
}

/** The folder before the first segment with glob characters (`src/**\/*.ts` → `src`). */
export function staticBase(pattern: string): string {
  const segments = pattern.split('/');
  const first = segments.findIndex((s) => GLOB_CHARS.test(s));
  return segments.slice(0, first).join('/') || (pattern.startsWith('/') ? '/' : '.');
}

/**
 * `discoverFiles` for paths and globs. Files a glob matches are not explicit (as ESLint: they follow the same rules as a
 * folder walk, .gitignore included); a glob that matches nothing is listed in `missing`.
 */
export function discoverPaths(paths: readonly string[], cwd: string, options: DiscoverOptions = {}): ReturnType<typeof discoverFiles> {
  const plain = paths.filter((p) => !isGlobArgument(p, cwd));
  const result = discoverFiles(plain, cwd, options);
  for (const raw of paths.filter((p) => isGlobArgument(p, cwd))) {
    const pattern = raw.split(sep).join('/').replace(/^\.\//, '');
    const base = staticBase(pattern);
    const matches = (path: string) => minimatch(isAbsolute(pattern) ? path.split(sep).join('/') : relative(cwd, path).split(sep).join('/'), pattern);
    const walked = base === '.' || existsFolder(resolve(cwd, base)) ? discoverFiles([join(base)], cwd, options) : undefined;
    const files = walked?.files.filter(matches) ?? [];
    if (files.length === 0) result.missing.push(raw);
    result.files.push(...files);
    result.errors.push(...(walked?.errors.filter((e) => matches(e.path)) ?? []));
  }
  result.files = [...new Set(result.files)].sort();
  return result;
}

function existsFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
