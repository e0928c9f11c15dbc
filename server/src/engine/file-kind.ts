// Which kind of file a path is: derived from the LANGUAGES table (languages/), kept as the entry point other code calls.
import { kindOfPath, languageOf } from './languages';
import type { FileKind } from './types';

/** The file kind for a path, or undefined when edgelint does not lint it. */
export function fileKind(path: string): FileKind | undefined {
  return kindOfPath(path);
}

/** True when the path is a Pages Function (a source file under a `functions/` folder). */
export function isPagesFunction(path: string): boolean {
  return /(^|\/)functions\//.test(path.replace(/\\/g, '/')) && fileKind(path) === 'worker';
}

/** Comment syntax for an inserted disable comment (wrangler config is `#` in TOML, `//` in JSON/JSONC). */
export function lineCommentPrefix(kind: FileKind | undefined, path = ''): '//' | '#' | undefined {
  return kind ? languageOf(kind).lineComment(path.replace(/\\/g, '/')) : undefined;
}
