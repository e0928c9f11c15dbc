// An in-memory project for tests: files keyed by path relative to /project, read through the engine's Host interface.
import { join } from 'node:path';
import { Project } from '../../server/src/engine/project';

/** Root folder of virtual test projects. */
export const ROOT = '/project';

/** The wrangler.toml every rule test gets unless it brings its own wrangler config. */
export const DEFAULT_WRANGLER = `name = "app"
main = "src/index.ts"
compatibility_date = "2025-06-01"

[[kv_namespaces]]
binding = "CACHE"
id = "00000000000000000000000000000001"

[[kv_namespaces]]
binding = "KV"
id = "00000000000000000000000000000002"

[[kv_namespaces]]
binding = "SESSIONS"
id = "00000000000000000000000000000003"

[[r2_buckets]]
binding = "BUCKET"
bucket_name = "assets"
`;

/** A `files` key that stands for "this project has no wrangler config at all" (Pages with dashboard bindings). */
export const NO_WRANGLER = '!no-wrangler';

/** Builds a Project over in-memory files; adds DEFAULT_WRANGLER unless a wrangler config (or NO_WRANGLER) is given. */
export function virtualProject(files: Record<string, string> = {}, knownRules: ReadonlySet<string> = new Set()): { project: Project; files: Map<string, string> } {
  const map = new Map<string, string>();
  const hasWrangler = Object.keys(files).some((f) => f === NO_WRANGLER || /(^|\/)wrangler([.-][\w.-]+)?\.(toml|json|jsonc)$/.test(f));
  if (!hasWrangler) map.set(join(ROOT, 'wrangler.toml'), DEFAULT_WRANGLER);
  for (const [path, text] of Object.entries(files)) if (path !== NO_WRANGLER) map.set(join(ROOT, path), text);
  const listDir = (dir: string): string[] => {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    return [...new Set([...map.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0]!))];
  };
  const project = new Project({ readFile: (path) => map.get(path), listDir }, knownRules);
  return { project, files: map };
}
