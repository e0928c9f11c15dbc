// Decides which kind of file a path is (worker source, wrangler config, _headers, package.json, CI workflow).
import type { FileKind } from './types';

const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.tsx', '.jsx'];

/** The file kind for a path, or undefined when edgelint does not lint it. */
export function fileKind(path: string): FileKind | undefined {
  const normalized = path.replace(/\\/g, '/');
  const base = normalized.slice(normalized.lastIndexOf('/') + 1);
  if (base === 'wrangler.toml' || base === 'wrangler.json' || base === 'wrangler.jsonc') return 'wrangler';
  if (base === '_headers') return 'headers';
  if (base === 'package.json') return 'package';
  if (base === '.edgelintrc.json' || base === '.edgelintrc') return 'edgelint-config';
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(normalized)) return 'workflow';
  if (base.endsWith('.d.ts') || base.endsWith('.d.mts') || base.endsWith('.d.cts')) return undefined;
  if (SOURCE_EXTENSIONS.some((ext) => base.endsWith(ext))) return 'worker';
  return undefined;
}

/** True when the path is a Pages Function (a source file under a `functions/` folder). */
export function isPagesFunction(path: string): boolean {
  return /(^|\/)functions\//.test(path.replace(/\\/g, '/')) && fileKind(path) === 'worker';
}

/** Comment syntax for disable comments in a file (wrangler config is `#` in TOML, `//` in JSON/JSONC). */
export function lineCommentPrefix(kind: FileKind | undefined, path = ''): '//' | '#' | undefined {
  if (kind === 'worker' || kind === 'edgelint-config') return '//';
  if (kind === 'wrangler' && /\.jsonc?$/.test(path)) return '//';
  if (kind === 'wrangler' || kind === 'headers' || kind === 'workflow') return '#';
  return undefined;
}
