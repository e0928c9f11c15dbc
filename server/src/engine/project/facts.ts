// Per-file project facts handed to rules: the nearest wrangler config and what it says, deploy scripts, Pages Functions.
import type { WranglerConfig } from '../parse/wrangler';
import type { ProjectModules } from './modules';
import type { RelatedLocation } from '../types';
import type { JsonSchema } from '../parse/json-schema';

/** wrangler's own config schema as installed in the workspace (`node_modules/wrangler/config-schema.json`). */
export interface WranglerSchema {
  path: string;
  schema: JsonSchema;
  /** The installed wrangler's version, from its package.json. */
  version?: string;
}

/** What the project says about the file being linted. Built by `Project.factsFor`, never by rules. */
export interface FileFacts {
  /** Nearest wrangler config up the tree (parsed once per config version). */
  wrangler?: WranglerConfig;
  /** KV binding names declared in that config (top level and every `env.*`). */
  kvBindings: ReadonlySet<string>;
  /** Names typed `KVNamespace` (or a subtype) in the project's `worker-configuration.d.ts` / Env type files. */
  kvTypedNames: ReadonlySet<string>;
  /** Where each KV binding name was declared, for messages (`wrangler.staging.toml`, `worker-configuration.d.ts`). */
  kvBindingOrigins: ReadonlyMap<string, string>;
  /** Cross-file queries: summaries of the modules a file imports (lazy, cached by content). Absent for lone files. */
  modules?: ProjectModules;
  /** Names of bindings of other kinds (R2, D1, DO, services…), so name-based guesses never call them KV. */
  otherBindings: ReadonlySet<string>;
  compatibilityDate?: string;
  compatibilityFlags: readonly string[];
  /** Cron expressions from `triggers.crons` (any env). */
  crons: readonly string[];
  /** `cache.enabled` is true at the top level or in an env (Workers Cache, domain.md A6). */
  cacheEnabled: boolean;
  /** Absolute paths of source files that `package.json` scripts run at deploy time, with the command that runs them. */
  deployScripts: ReadonlyMap<string, string>;
  /** Workers Sites imports in the config's `main` entry (when the config sets `site`), as related locations of that one cause. */
  sitesImports?: RelatedLocation[];
  /** A package.json script command that passes `--compatibility-date` to wrangler (so a config without one still deploys). */
  compatDateOnCommandLine?: string;
  /** A vitest config next to the wrangler config that uses `@cloudflare/vitest-pool-workers` (it infers the date on purpose). */
  vitestPoolConfig?: string;
  /** Absolute path of the file these facts are for (set by `Project.factsFor`). */
  filePath?: string;
  /** The installed wrangler's config schema nearest up from the file (read on first call; undefined when none). */
  wranglerSchema?: () => WranglerSchema | undefined;
  /**
   * For `_headers` files only: the routes Pages Functions serve (`functions/` in the folder above the file, up to the
   * project root), as `_headers`-style paths (`/api/:id`, `/api/*`) with their file relative to the project.
   */
  pagesFunctionRoutes?: readonly PagesFunctionRoute[];
  /** The file is a Pages Function (under `functions/`). */
  isPagesFunction: boolean;
}

/** One route a Pages Function file serves. */
export interface PagesFunctionRoute {
  /** `_headers`-style path: `/`, `/api/:id`, `/api/*`. */
  path: string;
  /** The function file, e.g. `functions/api/[id].ts`. */
  file: string;
}

/** Facts for a file with no project around it. */
export function emptyFacts(): FileFacts {
  return {
    kvBindings: new Set(), kvTypedNames: new Set(), kvBindingOrigins: new Map(), otherBindings: new Set(), compatibilityFlags: [], crons: [], cacheEnabled: false,
    deployScripts: new Map(), isPagesFunction: false,
  };
}
