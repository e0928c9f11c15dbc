// The project root in the engine's folder walks: configs, wrangler, package.json, Env types, schema and imports stop there.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** True when `path` is `root` or lies below it (lexically); always true when there is no root (no boundary applies). */
export function insideRoot(root: string | undefined, path: string): boolean {
  if (root === undefined) return true;
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** True when a walk up the folders ends at `current`: it is the project root (`stop`) or the file-system root. */
export function walkEnds(current: string, stop: string | undefined): boolean {
  return current === stop || dirname(current) === current;
}
