// The CLI's `--cache`: lint results per file keyed by content hash, invalidated by the run's settings and by every project file the lint read.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { createProject, type ResolvedConfig } from '../api';
import type { FileKind, Problem, SuppressedProblem } from '../engine/types';
import { ModuleGraph } from '../engine/project/modules';
import { emptyFacts } from '../engine/project/facts';
import { writeReport } from './write-report';

/** The ESLint-style default file name. */
export const DEFAULT_CACHE_FILE = '.edgelintcache';
const FORMAT = 2;

/** What a cache entry keeps of a lint. */
export interface CachedLint {
  kind: FileKind | undefined;
  problems: Problem[];
  suppressed: SuppressedProblem[];
}

interface Entry {
  hash: string;
  explicit: boolean;
  /** Path (relative to the cache file's folder) → content hash, or null when the file was looked for and absent. */
  deps: Record<string, string | null>;
  lint: CachedLint;
}

/** On disk, identical dependency records (files of one folder share most) are stored once: entries name them by index. */
interface CacheFile {
  format: number;
  key: string;
  deps: Entry['deps'][];
  files: Record<string, Omit<Entry, 'deps'> & { deps: number }>;
}

/** A content hash (sha1 is enough: this is change detection, not security). */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A hash of the running code (the bundle, or this module under tsx): a rebuilt edgelint never trusts old results. */
export function codeFingerprint(): string {
  try {
    return contentHash(readFileSync(__filename, 'utf8'));
  } catch {
    return 'unknown';
  }
}

/** `--cache-location`: a folder (existing, or ending in a separator) holds `.edgelintcache`; anything else is the file. */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  if (location === undefined) return resolve(cwd, DEFAULT_CACHE_FILE);
  const target = resolve(cwd, location);
  if (/[\\/]$/.test(location)) return join(target, DEFAULT_CACHE_FILE);
  try {
    if (statSync(target).isDirectory()) return join(target, DEFAULT_CACHE_FILE);
  } catch { /* a file that does not exist yet */ }
  return target;
}

/**
 * A run without `--cache` deletes the cache file (as ESLint does), so results of an older run can never be picked up
 * later; only a file that is an edgelint cache is deleted. Returns whether one was.
 */
export function deleteCacheFile(path: string): boolean {
  try {
    const head = readFileSync(path, 'utf8').slice(0, 40);
    if (!/^\{"format":\d+,"key":"/.test(head)) return false;
    unlinkSync(path);
    return true;
  } catch {
    return false; // absent or unreadable: nothing to delete
  }
}

/**
 * Results of earlier runs. An entry is used only when the file's text hash, the run key (version, rules, settings,
 * `--config`) and the hash of every dependency (configs, wrangler files, Env types, imported modules, and files that were
 * looked for and absent) are unchanged.
 */
export class LintCache {
  private readonly files: Record<string, Entry>;
  private readonly hashes = new Map<string, string | null>();
  private readonly hashesByName = new Map<string, string | null>();
  private readonly checkedDeps = new Map<Entry['deps'], boolean>();
  private readonly base: string;
  /** Whether a result was recorded since the file was loaded (or it started empty). */
  private changed: boolean;

  private constructor(readonly path: string, private readonly key: string, files: Record<string, Entry>, private readonly readFile: (path: string) => string | undefined) {
    this.files = files;
    this.base = dirname(path);
    this.changed = Object.keys(files).length === 0;
  }

  /** Loads the cache file; a missing, unreadable, corrupt or other-key file starts empty (and is overwritten on save). */
  static load(path: string, key: string, readFile: (path: string) => string | undefined): LintCache {
    const files: Record<string, Entry> = {};
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>;
      if (parsed.format === FORMAT && parsed.key === key && parsed.files && typeof parsed.files === 'object' && Array.isArray(parsed.deps)) {
        for (const [name, entry] of Object.entries(parsed.files)) {
          const deps = parsed.deps[entry.deps];
          if (deps && typeof deps === 'object') files[name] = { ...entry, deps };
        }
      }
    } catch { /* start empty */ }
    return new LintCache(path, key, files, readFile);
  }

  /** The cached lint of `path` when nothing it depends on changed. */
  get(path: string, text: string, explicit: boolean): CachedLint | undefined {
    const entry = this.files[this.name(path)];
    if (!entry || entry.hash !== contentHash(text) || entry.explicit !== explicit || !this.unchanged(entry.deps)) return undefined;
    return entry.lint;
  }

  /** True when every dependency still has its recorded hash (checked once per run for a record entries share). */
  private unchanged(deps: Entry['deps']): boolean {
    let valid = this.checkedDeps.get(deps);
    if (valid === undefined) {
      valid = Object.entries(deps).every(([dep, hash]) => this.hashOfName(dep) === hash);
      this.checkedDeps.set(deps, valid);
    }
    return valid;
  }

  /** Records a lint of `path` (with `text`) and the files it depended on. */
  set(path: string, text: string, explicit: boolean, deps: Iterable<string>, lint: CachedLint): void {
    const record: Record<string, string | null> = {};
    for (const dep of [...deps].sort()) record[this.name(dep)] = this.hashOf(dep);
    this.files[this.name(path)] = { hash: contentHash(text), explicit, deps: record, lint };
    this.changed = true;
  }

  /** Writes the cache file atomically, unless every result came from it (it would be written unchanged). Throws on failure. */
  save(): void {
    if (!this.changed) return;
    const ids = new Map<string, number>();
    const deps: Entry['deps'][] = [];
    const files: CacheFile['files'] = {};
    for (const [name, entry] of Object.entries(this.files)) {
      const text = JSON.stringify(entry.deps);
      let id = ids.get(text);
      if (id === undefined) {
        ids.set(text, id = deps.length);
        deps.push(entry.deps);
      }
      files[name] = { ...entry, deps: id };
    }
    writeReport(this.path, JSON.stringify({ format: FORMAT, key: this.key, deps, files } satisfies CacheFile));
    this.changed = false;
  }

  private name(path: string): string {
    return relative(this.base, path).split(sep).join('/');
  }

  /** `hashOf` for a dependency as the cache file names it (relative to the cache's folder), resolved once per name. */
  private hashOfName(name: string): string | null {
    let hash = this.hashesByName.get(name);
    if (hash === undefined) this.hashesByName.set(name, hash = this.hashOf(resolve(this.base, name)));
    return hash;
  }

  /** The dependency's current hash (once per run); a folder listing (`dir/`) hashes its `wrangler*` names. */
  private hashOf(path: string): string | null {
    if (!this.hashes.has(path)) this.hashes.set(path, this.currentHash(path));
    return this.hashes.get(path)!;
  }

  private currentHash(path: string): string | null {
    if (path.endsWith(LISTING)) return contentHash(wranglerNames(path.slice(0, -LISTING.length)).join('\n'));
    const text = this.readFile(path);
    return text === undefined ? null : contentHash(text);
  }
}

/** Marks a folder-listing dependency (the `wrangler.*` variants found next to a config). */
const LISTING = `${sep}.edgelint-listing`;

function wranglerNames(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => n.startsWith('wrangler')).sort();
  } catch {
    return [];
  }
}

/**
 * The project files the facts and config of a folder depend on: everything a fresh Project reads (or looks for) to
 * build them, recorded through its host. Memoised per folder for one run.
 */
export class FactDependencies {
  private readonly byDir = new Map<string, string[]>();
  private readonly probed = new Map<string, string | undefined>();

  constructor(private readonly readFile: (path: string) => string | undefined, private readonly forcedConfig?: ResolvedConfig,
    private readonly configRoot?: (dir: string) => string | undefined) {}

  of(dir: string): string[] {
    let deps = this.byDir.get(dir);
    if (!deps) {
      const seen = new Set<string>();
      const project = createProject({
        readFile: (path) => { seen.add(path); return this.probe(path); },
        listDir: (folder) => { seen.add(folder + LISTING); return wranglerNames(folder); },
        configRoot: this.configRoot,
      }, this.forcedConfig);
      const probe = join(dir, '__edgelint_probe__.ts');
      project.factsFor(probe);
      project.configFor(probe);
      deps = [...seen];
      this.byDir.set(dir, deps);
    }
    return deps;
  }

  /**
   * What the recording Project reads: the text of files whose content decides which other paths it looks at (configs,
   * wrangler files, package.json), an empty text for other files that exist (Env types, entry points: parsing them
   * would cost a second lint's worth of work and changes no path looked at), undefined for absent files.
   */
  private probe(path: string): string | undefined {
    if (!this.probed.has(path)) {
      const name = basename(path);
      const text = this.readFile(path);
      this.probed.set(path, text === undefined || name === 'package.json' || name.startsWith('wrangler') || name.startsWith('.edgelintrc') ? text : '');
    }
    return this.probed.get(path);
  }

  /**
   * Every path the resolution of the file's relative imports tries (`./kv` → `./kv`, `./kv.ts`, …, up to the one found):
   * a file appearing earlier in that order changes what the import means. Specifiers come from a loose scan (a superset).
   */
  importProbes(path: string, text: string): string[] {
    const seen = new Set<string>();
    const graph = new ModuleGraph((file) => { seen.add(file); return this.readFile(file); }, () => emptyFacts());
    for (const match of text.matchAll(RELATIVE_SPECIFIER)) graph.resolveImport(path, match[1]!);
    return [...seen];
  }
}

/** `from './x'`, `import('./x')`, `require('../x')`, `import './x'`: relative module specifiers, loosely. */
const RELATIVE_SPECIFIER = /\b(?:from|import|require)\s*\(?\s*['"](\.\.?\/[^'"\n]*)['"]/g;
