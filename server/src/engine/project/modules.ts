// The cross-file part of the project model: resolves relative imports and summarises imported modules lazily, cached
// by path and content, so a keystroke in one file re-summarises only that file (and only when another file asks).
import { dirname, join, resolve } from 'node:path';
import type { FileFacts } from './facts';
import { tooDeepAt } from '../parse/nesting';
import { parseWorker } from '../parse/worker';
import { insideRoot } from './root';
import { summariseModule, type ModuleSummary } from './summaries';
import { mayUseKv } from '../domain/kv/kv-text-evidence';

/** What rules may ask about other files of the project. */
export interface ProjectModules {
  /** The summary of the module `specifier` (relative imports only) as imported from the file at `fromPath`. */
  summaryOf(fromPath: string, specifier: string): ModuleSummary | undefined;
}

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '.jsx', '.cjs', '.d.ts', '/index.ts', '/index.js', '/index.mjs'];
/** Files over this size are not summarised (they are reported by the adapters when linted themselves). */
const MAX_MODULE_CHARS = 1024 * 1024;
/** Source characters of the summarised modules kept at most (least recently used out first; the newest is always kept). */
export const MAX_MODULE_CACHE_CHARS = 8 * 1024 * 1024;

/** Lazily built module summaries for one workspace; reads go through the injected `readFile`. */
export class ModuleGraph implements ProjectModules {
  /** In least-recently-used order; `summaryChars` is the sum of their text lengths. */
  private readonly summaries = new Map<string, { text: string; summary: ModuleSummary }>();
  private summaryChars = 0;
  /** Modules dropped from `summaries` by the bound: their texts are unknown, so lints that used them count as stale. */
  private readonly evicted = new Set<string>();
  private readonly resolved = new Map<string, string | null>();
  private readonly inProgress = new Set<string>();
  /** For each importing file, the module paths it asked about; for each module, the files that asked (editor updates). */
  private readonly dependencies = new Map<string, Set<string>>();
  private readonly importers = new Map<string, Set<string>>();

  /** `rootOf` gives the project root of a folder: imports that resolve outside it are not read (optional: no boundary). */
  constructor(private readonly readFile: (path: string) => string | undefined, private readonly factsFor: (path: string) => FileFacts,
    private readonly rootOf?: (dir: string) => string | undefined) {}

  /** Forgets resolutions (files may have appeared); summaries stay, they are checked against the text on each use. */
  invalidate(): void {
    this.resolved.clear();
  }

  summaryOf(fromPath: string, specifier: string): ModuleSummary | undefined {
    const path = this.resolveImport(fromPath, specifier);
    if (!path || this.inProgress.has(path)) return undefined;
    link(this.dependencies, fromPath, path);
    link(this.importers, path, fromPath);
    const text = this.readFile(path);
    if (text === undefined) return undefined;
    // A cached summary first: the text passed the checks below when it was summarised (they scan the whole text).
    const cached = this.summaries.get(path);
    if (cached && cached.text === text) {
      this.summaries.delete(path); // most recently used last
      this.summaries.set(path, cached);
      return cached.summary;
    }
    if (text.length > MAX_MODULE_CHARS || text.includes('\u0000') || tooDeepAt(text) >= 0) return undefined;
    this.inProgress.add(path);
    try {
      const facts = this.factsFor(path);
      // Every part of a summary comes from KV traces (KV calls, KVNamespace types): a module without any is not parsed.
      const summary = mayHaveSummary(text, facts) ? summariseModule(parseWorker(path, text), facts) : emptySummary(path);
      this.remember(path, text, summary);
      return summary;
    } catch {
      // A module the parser cannot handle (it ran out of stack) is not summarised; its own lint reports it.
      return undefined;
    } finally {
      this.inProgress.delete(path);
    }
  }

  /** Drops the cached summary and text of a module (an editor buffer that closed); lints that used it count as stale. */
  forget(path: string): boolean {
    const entry = this.summaries.get(path);
    if (!entry) return false;
    this.summaries.delete(path);
    this.summaryChars -= entry.text.length;
    this.evicted.add(path);
    return true;
  }

  /** What the summary cache holds (tests: the language server's stats request). */
  stats(): { entries: number; chars: number; paths: string[] } {
    return { entries: this.summaries.size, chars: this.summaryChars, paths: [...this.summaries.keys()] };
  }

  private remember(path: string, text: string, summary: ModuleSummary): void {
    this.forget(path);
    this.evicted.delete(path);
    this.summaries.set(path, { text, summary });
    this.summaryChars += text.length;
    while (this.summaries.size > 1 && this.summaryChars > MAX_MODULE_CACHE_CHARS) this.forget(this.summaries.keys().next().value!);
  }

  /** Files whose lint used a summary of `path` (their results go stale when `path` changes). */
  importersOf(path: string): string[] {
    return [...(this.importers.get(path) ?? [])];
  }

  /** The module paths whose summaries the lint of `fromPath` used (the CLI cache's cross-file dependencies). */
  dependenciesOf(fromPath: string): string[] {
    return [...(this.dependencies.get(fromPath) ?? [])];
  }

  /** True when a module `fromPath` used has changed since it was summarised (so a cached lint of `fromPath` is stale). */
  dependenciesChanged(fromPath: string): boolean {
    for (const path of this.dependencies.get(fromPath) ?? []) {
      if (this.evicted.has(path)) return true;
      const cached = this.summaries.get(path);
      if (cached && this.readFile(path) !== cached.text) return true;
    }
    return false;
  }

  /**
   * `./helpers` → the first existing `./helpers{,.ts,.js,…,/index.ts}`; `.js` specifiers also find the `.ts` source.
   * An import that leaves the project root (`../../outside/helper`) resolves to nothing and nothing is read for it.
   */
  resolveImport(fromPath: string, specifier: string): string | undefined {
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
    const key = `${dirname(fromPath)}\0${specifier}`;
    if (this.resolved.has(key)) return this.resolved.get(key) ?? undefined;
    const base = resolve(dirname(fromPath), specifier);
    if (!insideRoot(this.rootOf?.(dirname(resolve(fromPath))), base)) {
      this.resolved.set(key, null);
      return undefined;
    }
    const stems = /\.(m|c)?js$/.test(base) ? [base.replace(/\.(m|c)?js$/, '.$1ts'), base] : [base];
    let found: string | undefined;
    outer: for (const stem of stems) {
      for (const extension of stem === base ? EXTENSIONS : ['']) {
        const candidate = extension.startsWith('/') ? join(stem, extension) : stem + extension;
        if (!/\.[cm]?[jt]sx?$/.test(candidate)) continue;
        if (this.readFile(candidate) !== undefined) {
          found = candidate;
          break outer;
        }
      }
    }
    this.resolved.set(key, found ?? null);
    return found;
  }
}

/** Pre-parse gate: a summary is empty unless the module may use KV (kv-text-evidence.ts) or names the KVNamespace type. */
export function mayHaveSummary(text: string, facts: FileFacts): boolean {
  return text.includes('KVNamespace') || mayUseKv(text, facts);
}

function emptySummary(path: string): ModuleSummary {
  return { path, kvTypedNames: new Set(), functions: new Map(), classes: new Map() };
}

function link(map: Map<string, Set<string>>, from: string, to: string): void {
  let set = map.get(from);
  if (!set) map.set(from, set = new Set());
  set.add(to);
}
