// Pages Functions routes from the `functions/` folder (file-based routing): `index.ts` → `/`, `[id].ts` → `/:id`,
// `[[path]].ts` → `/*`; `_middleware` files and files without an onRequest handler serve no route. Bounded walk (Host.listDir).
import { join } from 'node:path';
import type { PagesFunctionRoute } from './facts';

const SOURCE = /\.(m?[jt]sx?)$/;
const MAX_FILES = 500;
const HANDLER = /\bonRequest(Get|Post|Put|Patch|Delete|Head|Options)?\b/;
const MAX_DEPTH = 8;

/** The routes the `functions/` folder at `functionsDir` serves; `prefix` is how files are named in messages. */
export function pagesFunctionRoutes(functionsDir: string, listDir: (dir: string) => string[] | undefined, readFile: (path: string) => string | undefined,
  prefix = 'functions'): PagesFunctionRoute[] {
  const routes: PagesFunctionRoute[] = [];
  const walk = (dir: string, segments: string[], shown: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const name of (listDir(dir) ?? []).sort()) {
      if (routes.length >= MAX_FILES || name.startsWith('.') || name === 'node_modules') continue;
      const file = `${shown}/${name}`;
      if (!SOURCE.test(name)) {
        if (!name.includes('.')) walk(join(dir, name), [...segments, segment(name)], file, depth + 1);
        continue;
      }
      const stem = name.replace(SOURCE, '');
      if (stem.startsWith('_') || stem.endsWith('.d')) continue; // _middleware, helpers, type files
      // Only files exporting an onRequest handler serve a route; helpers next to them (`_lib/db.ts`) do not.
      if (!HANDLER.test(readFile(join(dir, name)) ?? '')) continue;
      const parts = stem === 'index' ? segments : [...segments, segment(stem)];
      routes.push({ path: `/${parts.join('/')}`, file });
    }
  };
  walk(functionsDir, [], prefix, 0);
  return routes;
}

/** `[[path]]` → `*`, `[id]` → `:id`, anything else as written. */
function segment(name: string): string {
  const catchAll = /^\[\[(\w+)\]\]$/.exec(name);
  if (catchAll) return '*';
  const param = /^\[(\w+)\]$/.exec(name);
  return param ? `:${param[1]}` : name;
}
