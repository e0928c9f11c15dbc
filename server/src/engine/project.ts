// Project facts with injected IO: nearest wrangler config, its bindings and flags, deploy scripts, and edgelint config.
// Lazy and cached per folder; `invalidate()` drops the caches when a config file changes (LSP watchers, CLI never needs it).
import { basename, dirname, join, resolve } from 'node:path';
import { envTypeBindings } from './project/env-types';
import { ModuleGraph } from './project/modules';
import { deployCommands } from './domain/deploy/deploy-scripts';
import { emptyFacts, type FileFacts, type PagesFunctionRoute, type WranglerSchema } from './project/facts';
import { pagesFunctionRoutes } from './project/pages-routes';
import { insideRoot, walkEnds } from './project/root';
import { emptyConfig, hasEdgelintKey, parseConfig, type EdgelintConfig, type RuleCatalogue } from './config';
import { isPagesFunction } from './file-kind';
import { booleanValue, getNode, stringValue } from './parse/config-tree';
import { parsePackageJson } from './parse/package-json';
import { bindingsOf, configSections, parseWrangler, type WranglerConfig } from './parse/wrangler';
import { LineIndex } from './line-index';
import { CONFIG_ERROR, type Problem, type RelatedLocation } from './types';

/** File access the engine needs; the CLI reads the disk, the LSP prefers open documents. */
export interface Host {
  /** File text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  /** Names of the entries of a folder, or undefined when it cannot be listed (optional: finds `wrangler.*.toml` variants). */
  listDir?(dir: string): string[] | undefined;
  /**
   * The project root of a folder (optional: no boundary, up to `/`). No lookup goes higher: edgelint config, wrangler
   * configs, package.json, Env type files, wrangler's config schema; relative imports that leave it are not followed.
   */
  configRoot?(dir: string): string | undefined;
}

const WRANGLER_NAMES = ['wrangler.jsonc', 'wrangler.json', 'wrangler.toml'];
/** `wrangler.staging.toml`, `wrangler-dev.jsonc`…: configs wrangler reads with `-c` (domain.md §0 "Wrangler config"). */
const WRANGLER_VARIANT = /^wrangler[.-][\w.-]+\.(toml|jsonc?)$/;
/** The file `wrangler types` writes; hand-written Env files commonly use the other names. */
const ENV_TYPE_FILES = ['worker-configuration.d.ts', 'env.d.ts', 'src/env.d.ts', 'src/worker-configuration.d.ts', 'types/env.d.ts', 'src/types/env.d.ts'];
/** Vitest config names, for `@cloudflare/vitest-pool-workers` projects whose wrangler config omits the date on purpose. */
const VITEST_CONFIGS = ['vitest.config.ts', 'vitest.config.mts', 'vitest.config.js', 'vitest.config.mjs', 'vitest.workspace.ts', 'vitest.workspace.js'];
/** edgelint config file names, in order of preference within one folder. */
const RC_NAMES = ['.edgelintrc.json', '.edgelintrc'];
const KV_KEY = 'kv_namespaces';
const OTHER_BINDING_KEYS = ['r2_buckets', 'd1_databases', 'durable_objects', 'queues', 'services', 'analytics_engine_datasets', 'vectorize', 'hyperdrive',
  'workflows', 'dispatch_namespaces', 'mtls_certificates', 'pipelines', 'secrets_store_secrets'];
/** Bindings declared as one object (`ai = { binding = "AI" }`) or named by `name` (`send_email`, `ratelimits`). */
const OBJECT_BINDING_KEYS = ['ai', 'browser', 'images', 'assets', 'version_metadata'];
const NAMED_BINDING_KEYS = ['send_email', 'ratelimits', 'unsafe.bindings'];

/** The edgelint config that applies to a file, where it came from, and its problems. */
export interface ResolvedConfig {
  config: EdgelintConfig;
  path?: string;
  problems: Problem[];
}

/** Caches project facts for one workspace. */
export class Project {
  private readonly wranglerByPath = new Map<string, WranglerConfig | null>();
  private readonly factsByDir = new Map<string, FileFacts>();
  private readonly configByDir = new Map<string, ResolvedConfig>();
  /** Deploy-time scripts per package.json path (folders below one package.json share it: parse it once). */
  private readonly deployByPackage = new Map<string, Map<string, string>>();
  private readonly variantsByDir = new Map<string, WranglerConfig[]>();
  /** Config-like files read for facts and config lookups (one read per path until invalidate(); sources are never cached). */
  private readonly configReads = new Map<string, string | null>();
  private readonly pagesRoutesByDir = new Map<string, readonly PagesFunctionRoute[]>();
  private readonly envTypesByPath = new Map<string, ReadonlyMap<string, 'kv' | 'other'> | null>();
  private readonly schemaByDir = new Map<string, WranglerSchema | null>();
  /** Summaries of imported modules, shared by all files of the workspace. */
  readonly modules: ModuleGraph;

  /** `forcedConfig` replaces the config lookup (CLI `--config`). */
  constructor(private readonly host: Host, private readonly knownRules: RuleCatalogue = new Set(), private readonly forcedConfig?: ResolvedConfig) {
    this.modules = new ModuleGraph((path) => host.readFile(path), (path) => this.factsFor(path), (dir) => this.host.configRoot?.(dir));
  }

  /** Drops cached facts (all of them: config changes are rare and re-reading is cheap). */
  invalidate(): void {
    this.wranglerByPath.clear();
    this.factsByDir.clear();
    this.configByDir.clear();
    this.deployByPackage.clear();
    this.variantsByDir.clear();
    this.envTypesByPath.clear();
    this.schemaByDir.clear();
    this.pagesRoutesByDir.clear();
    this.configReads.clear();
    this.modules.invalidate();
  }

  /** The parsed wrangler config at an exact path, if the file exists. */
  wranglerAt(path: string): WranglerConfig | undefined {
    if (!this.wranglerByPath.has(path)) {
      const text = this.host.readFile(path);
      this.wranglerByPath.set(path, text === undefined ? null : parseWrangler(path, text));
    }
    return this.wranglerByPath.get(path) ?? undefined;
  }

  /** The nearest wrangler config at or above a folder, up to the project root. */
  nearestWrangler(dir: string): WranglerConfig | undefined {
    return this.nearestWranglers(dir)[0];
  }

  /** The configs of the nearest folder that has any: the standard name first, then `wrangler.*` variants (sorted). */
  private nearestWranglers(dir: string): WranglerConfig[] {
    const stop = this.host.configRoot?.(resolve(dir));
    for (let current = resolve(dir); ; current = dirname(current)) {
      const found: WranglerConfig[] = [];
      for (const name of WRANGLER_NAMES) {
        const config = this.wranglerAt(join(current, name));
        if (config) {
          found.push(config);
          break;
        }
      }
      found.push(...this.variantsIn(current));
      if (found.length > 0) return found;
      if (walkEnds(current, stop)) return [];
    }
  }

  private variantsIn(dir: string): WranglerConfig[] {
    let variants = this.variantsByDir.get(dir);
    if (!variants) {
      const names = (this.host.listDir?.(dir) ?? []).filter((n) => WRANGLER_VARIANT.test(n)).sort();
      variants = names.map((n) => this.wranglerAt(join(dir, n))).filter((c): c is WranglerConfig => !!c);
      this.variantsByDir.set(dir, variants);
    }
    return variants;
  }

  /** Binding names typed in the Env type files (`wrangler types` output) from the folder up to the project root: KV ones map
   * to the file that declares them, other kinds (R2Bucket, D1Database…) to ''. */
  private envTypeNames(dir: string, stop: string | undefined): Map<string, string> {
    const names = new Map<string, string>();
    const root = this.host.configRoot?.(dir);
    for (let current = dir; ; current = dirname(current)) {
      for (const file of ENV_TYPE_FILES) {
        const path = join(current, file);
        let found = this.envTypesByPath.get(path);
        if (found === undefined) {
          const text = this.host.readFile(path);
          found = text === undefined || text.length > 4 * 1024 * 1024 ? null : envTypeBindings(path, text);
          this.envTypesByPath.set(path, found);
        }
        for (const [name, kind] of found ?? []) if (!names.has(name)) names.set(name, kind === 'kv' ? file : '');
      }
      if (current === stop || walkEnds(current, root)) return names;
    }
  }

  /** Facts for a file: nearest wrangler config, bindings, compat date/flags, crons, cache.enabled, deploy scripts. */
  factsFor(path: string): FileFacts {
    const dir = dirname(resolve(path));
    let base = this.factsByDir.get(dir);
    if (!base) {
      base = this.buildFacts(dir);
      this.factsByDir.set(dir, base);
    }
    const facts: FileFacts = { ...base, isPagesFunction: isPagesFunction(path), filePath: resolve(path), modules: this.modules };
    if (basename(path) === '_headers') facts.pagesFunctionRoutes = this.pagesRoutesFor(dir, base);
    return facts;
  }

  /**
   * The edgelint config for a file: in the nearest folder that has one, `.edgelintrc.json`, then `.edgelintrc` (both JSONC),
   * then a package.json with a top-level `edgelint` key (ESLint's order). A package.json without that key (one that merely
   * depends on edgelint) does not stop the walk; the host's `configRoot` does (nothing above the project root applies).
   */
  configFor(path: string): ResolvedConfig {
    if (this.forcedConfig) return this.forcedConfig;
    const dir = dirname(resolve(path));
    const cached = this.configByDir.get(dir);
    if (cached) return cached;
    let found: ResolvedConfig = { config: emptyConfig(), problems: [] };
    const stop = this.host.configRoot?.(dir);
    for (let current = dir; ; current = dirname(current)) {
      let rc: { path: string; text: string } | undefined;
      const losers: string[] = [];
      for (const rcPath of RC_NAMES.map((name) => join(current, name))) {
        const text = this.readConfigFile(rcPath);
        if (text !== undefined && rc) losers.push(basename(rcPath));
        else if (text !== undefined) rc = { path: rcPath, text };
      }
      const pkgPath = join(current, 'package.json');
      const pkg = this.readConfigFile(pkgPath);
      if (rc) {
        if (pkg !== undefined && hasEdgelintKey(pkg)) losers.push('package.json#edgelint');
        found = { ...parseConfig(rc.text, this.knownRules), path: rc.path };
        found.problems.push(...shadowedConfigs(basename(rc.path), losers));
        break;
      }
      if (pkg !== undefined && hasEdgelintKey(pkg)) {
        found = { ...parseConfig(pkg, this.knownRules, true), path: pkgPath };
        break;
      }
      if (walkEnds(current, stop)) break;
    }
    this.configByDir.set(dir, found);
    return found;
  }

  /** Routes of the nearest `functions/` folder at or above a `_headers` folder, up to the project root (3 levels at most). */
  private pagesRoutesFor(dir: string, base: FileFacts): readonly PagesFunctionRoute[] {
    let routes = this.pagesRoutesByDir.get(dir);
    if (!routes) {
      routes = [];
      const root = base.wrangler ? dirname(resolve(base.wrangler.path)) : this.packageRoot(dir);
      const listDir = this.host.listDir?.bind(this.host);
      const stop = this.host.configRoot?.(dir);
      for (let current = dir, level = 0; listDir && level < 4; current = dirname(current), level++) {
        if (listDir(current)?.includes('functions')) {
          routes = pagesFunctionRoutes(join(current, 'functions'), listDir, (path) => this.host.readFile(path));
          break;
        }
        if (current === root || walkEnds(current, stop)) break;
      }
      this.pagesRoutesByDir.set(dir, routes);
    }
    return routes;
  }

  private buildFacts(dir: string): FileFacts {
    const facts = emptyFacts();
    const configs = this.nearestWranglers(dir);
    const wrangler = configs[0];
    const origins = new Map<string, string>();
    for (const config of configs) for (const b of bindingsOf(config, KV_KEY)) if (!origins.has(b.name)) origins.set(b.name, basename(config.path));
    const root = wrangler ? dirname(wrangler.path) : this.packageRoot(dir);
    const typedOthers = new Set<string>();
    for (const [name, file] of this.envTypeNames(dir, root)) {
      if (!file) typedOthers.add(name);
      else if (!origins.has(name)) origins.set(name, file);
    }
    facts.kvBindingOrigins = origins;
    if (wrangler) {
      facts.wrangler = wrangler;
      facts.kvBindings = new Set(configs.flatMap((c) => bindingsOf(c, KV_KEY).map((b) => b.name)));
      const others = new Set<string>();
      for (const config of configs) for (const key of OTHER_BINDING_KEYS) for (const b of bindingsOf(config, key)) others.add(b.name);
      for (const config of configs) {
        for (const { node } of configSections(config)) {
          for (const key of OBJECT_BINDING_KEYS) {
            const name = stringValue(getNode(node, key, 'binding'));
            if (name) others.add(name);
          }
          for (const key of NAMED_BINDING_KEYS) {
            for (const entry of getNode(node, ...key.split('.'))?.items ?? []) {
              const name = stringValue(getNode(entry, 'name'));
              if (name) others.add(name);
            }
          }
        }
      }
      for (const { node } of configSections(wrangler)) {
        for (const binding of getNode(node, 'durable_objects', 'bindings')?.items ?? []) {
          const name = stringValue(getNode(binding, 'name'));
          if (name) others.add(name);
        }
        for (const cron of getNode(node, 'triggers', 'crons')?.items ?? []) {
          const value = stringValue(cron);
          if (value) (facts.crons as string[]).push(value);
        }
        if (booleanValue(getNode(node, 'cache', 'enabled'))) facts.cacheEnabled = true;
      }
      facts.otherBindings = others;
      facts.compatibilityDate = stringValue(getNode(wrangler.root, 'compatibility_date'));
      facts.compatibilityFlags = (getNode(wrangler.root, 'compatibility_flags')?.items ?? []).map(stringValue).filter((f): f is string => !!f);
    }
    facts.otherBindings = new Set([...facts.otherBindings, ...[...typedOthers].filter((n) => !facts.kvBindings.has(n))]);
    facts.kvTypedNames = new Set([...origins.keys()].filter((n) => !facts.kvBindings.has(n) && !facts.otherBindings.has(n)));
    facts.deployScripts = this.deployScriptsFrom(dir);
    facts.wranglerSchema = () => this.wranglerSchemaFrom(dir);
    if (wrangler) facts.sitesImports = this.sitesImports(wrangler);
    const pkgDir = this.packageRoot(dir);
    const pkgText = pkgDir ? this.readConfigFile(join(pkgDir, 'package.json')) : undefined;
    // domain.md §0: a deploy script passing --compatibility-date satisfies a config without compatibility_date.
    const withDate = pkgText === undefined ? undefined : parsePackageJson(pkgText).scripts.find((s) => /(^|\s)--compatibility-date(=|\s)/.test(s.value) && /\bwrangler\b/.test(s.value));
    if (withDate) facts.compatDateOnCommandLine = `"${withDate.name}": ${withDate.value.length > 60 ? `${withDate.value.slice(0, 59)}…` : withDate.value}`;
    const dirs = [...new Set([dir, ...(wrangler ? [dirname(wrangler.path)] : [])])];
    for (const name of dirs.flatMap((d) => VITEST_CONFIGS.map((n) => join(d, n)))) {
      const text = this.readConfigFile(name);
      if (text !== undefined && /vitest-pool-workers|defineWorkersConfig|defineWorkersProject|cloudflareTest\b/.test(text)) {
        facts.vitestPoolConfig = basename(name);
        break;
      }
    }
    return facts;
  }

  /**
   * Workers Sites imports (`@cloudflare/kv-asset-handler`, `__STATIC_CONTENT_MANIFEST`, `hono/cloudflare-workers`) in the
   * `main` entry of a config that sets `site`: related locations of the config finding (one finding per cause, issue 7).
   * Re-export shims (`export … from`) are not listed.
   */
  private sitesImports(wrangler: WranglerConfig): RelatedLocation[] | undefined {
    if (!configSections(wrangler).some(({ node }) => getNode(node, 'site'))) return undefined;
    const main = stringValue(getNode(wrangler.root, 'main'));
    if (!main) return undefined;
    const path = resolve(dirname(wrangler.path), main);
    if (!insideRoot(this.host.configRoot?.(dirname(resolve(wrangler.path))), path)) return undefined;
    const text = this.host.readFile(path);
    if (text === undefined || text.length > 1024 * 1024) return undefined;
    const index = new LineIndex(text);
    const result: RelatedLocation[] = [];
    const pattern = /(\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(@cloudflare\/kv-asset-handler(?:\/[^'"]*)?|__STATIC_CONTENT_MANIFEST|hono\/cloudflare-workers)\2/g;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      if (/^\s*export\b/.test(text.slice(lineStart, m.index))) continue;
      const start = m.index + m[1]!.length;
      const end = start + m[3]!.length + 2;
      result.push({ message: `'${m[3]}' (Workers Sites code to remove)`, start, end, path, range: { start: index.position(start), end: index.position(end) } });
    }
    return result;
  }

  /** A config-like file (package.json, .edgelintrc*, vitest config), read once per path: folder walks share ancestors. */
  private readConfigFile(path: string): string | undefined {
    if (!this.configReads.has(path)) this.configReads.set(path, this.host.readFile(path) ?? null);
    return this.configReads.get(path) ?? undefined;
  }

  /** `node_modules/wrangler/config-schema.json` nearest up from a folder (Node's module lookup) to the project root, parsed once per folder. */
  private wranglerSchemaFrom(dir: string, stop = this.host.configRoot?.(dir)): WranglerSchema | undefined {
    if (!this.schemaByDir.has(dir)) {
      const parent = dirname(dir);
      let found: WranglerSchema | null = null;
      const path = join(dir, 'node_modules', 'wrangler', 'config-schema.json');
      const text = this.host.readFile(path);
      if (text !== undefined) {
        const schema = parseJson(text); // an unreadable schema checks nothing
        const version = parseJson(this.host.readFile(join(dirname(path), 'package.json')) ?? '{}')?.version;
        if (schema) found = { path, schema, version: typeof version === 'string' ? version : undefined };
      } else if (!walkEnds(dir, stop)) found = this.wranglerSchemaFrom(parent, stop) ?? null;
      this.schemaByDir.set(dir, found);
    }
    return this.schemaByDir.get(dir) ?? undefined;
  }

  /** The nearest folder with a package.json up to the project root (the package's folder when there is no wrangler config). */
  private packageRoot(dir: string): string | undefined {
    const stop = this.host.configRoot?.(dir);
    for (let current = dir; ; current = dirname(current)) {
      if (this.readConfigFile(join(current, 'package.json')) !== undefined) return current;
      if (walkEnds(current, stop)) return undefined;
    }
  }

  private deployScriptsFrom(dir: string): Map<string, string> {
    const scripts = new Map<string, string>();
    const stop = this.host.configRoot?.(dir);
    for (let current = dir; ; current = dirname(current)) {
      const pkgPath = join(current, 'package.json');
      const cached = this.deployByPackage.get(pkgPath);
      if (cached) return cached;
      const text = this.readConfigFile(pkgPath);
      if (text !== undefined) {
        for (const command of deployCommands(parsePackageJson(text))) {
          if (command.runsFile) scripts.set(resolve(current, command.runsFile), `${command.command.text} (${command.reason})`);
        }
        this.deployByPackage.set(pkgPath, scripts);
        return scripts;
      }
      if (walkEnds(current, stop)) return scripts;
    }
  }
}

/** A JSON object, or undefined for invalid JSON and non-objects. */
function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

/** Warnings on the config that wins for the other config files of its folder, which edgelint ignores (one config per folder). */
function shadowedConfigs(winner: string, losers: readonly string[]): Problem[] {
  return losers.map((loser) => ({
    ruleId: CONFIG_ERROR, severity: 'warn' as const, start: 0, end: 0,
    message: `${loser} in this folder is ignored: ${winner} wins (one config per folder). Merge them into ${winner}.`,
  }));
}
