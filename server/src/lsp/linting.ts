// Lints documents and disk files through the engine front door; results are cached per (uri, version, generation, settings).
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { engineCacheStats, releaseFile, type Project } from '../api';
import type { Rule } from '../engine/define-rule';
import { fileKind } from '../engine/file-kind';
import { LineIndex } from '../engine/line-index';
import type { FileKind, Problem } from '../engine/types';
import { Workspace } from '../node-io/workspace';
import { toDiagnostic } from './diagnostics';
import { MAX_FILE_BYTES, uriToPath, type DocumentsHost } from './documents-host';
import type { Settings } from './settings';

/** Pseudo rule id of the problem shown when linting itself failed (a bug: the engine is meant never to throw). */
export const INTERNAL_ERROR = 'internal-error';

/** One lint result, kept so code actions and repeated pulls need no re-lint. */
export interface LintEntry {
  uri: string;
  path?: string;
  /** Document version, or null for a file read from disk. */
  version: number | null;
  text: string;
  kind: FileKind | undefined;
  problems: Problem[];
  diagnostics: Diagnostic[];
  index: LineIndex;
  /** Changes whenever the reported diagnostics may differ (for pull `unchanged` answers). */
  resultId: string;
  key: string;
  ms: number;
}

/** The engine calls of the server, with their caches. */
export class LintService {
  /** The same Workspace the CLI uses, reading open documents before the disk. */
  readonly workspace: Workspace;
  readonly project: Project;
  private generation = 0;
  private counter = 0;
  private readonly latest = new Map<string, LintEntry>();
  private readonly savedText = new Map<string, { version: number; text: string }>();
  private readonly savedEntry = new Map<string, LintEntry>();

  constructor(
    host: DocumentsHost,
    private readonly extraRules: readonly Rule[],
    private readonly log: (message: string) => void,
    private readonly onLinted: (entry: LintEntry) => void = () => undefined,
  ) {
    this.workspace = new Workspace({ maxFileSize: MAX_FILE_BYTES, overlay: (path) => host.openText(path) });
    this.project = this.workspace.project;
  }

  /** Drops project facts and every cached result (a config file changed, or settings did). */
  invalidate(): void {
    this.project.invalidate();
    this.generation++;
  }

  /** Open or on-disk files whose lint used the module at `path` (to re-lint them when it changes). */
  importersOf(path: string): string[] {
    return this.project.modules.importersOf(path);
  }

  /** Part of every cache key: bumps when facts or settings change. */
  get stamp(): number {
    return this.generation;
  }

  /** The lint of a document's current text (cached per version). */
  current(doc: TextDocument, settings: Settings): LintEntry {
    const key = `${doc.version}|${this.generation}|${settings.key}`;
    const cached = this.latest.get(doc.uri);
    // Same version, but an imported module this lint used may have changed (cross-file summaries): re-lint then.
    if (cached && cached.key === key && !(cached.path && this.project.modules.dependenciesChanged(cached.path))) return cached;
    const entry = this.lint(doc.uri, doc.getText(), doc.version, settings, key);
    this.latest.set(doc.uri, entry);
    return entry;
  }

  /** What the user sees: the current lint with `run: onType`, the lint of the last saved (or opened) text with `onSave`. */
  reported(doc: TextDocument, settings: Settings): LintEntry {
    if (settings.run === 'onType') return this.current(doc, settings);
    const saved = this.savedText.get(doc.uri) ?? this.markSaved(doc);
    if (saved.version === doc.version) return this.current(doc, settings);
    const key = `saved:${saved.version}|${this.generation}|${settings.key}`;
    const cached = this.savedEntry.get(doc.uri);
    if (cached && cached.key === key) return cached;
    const entry = this.lint(doc.uri, saved.text, saved.version, settings, key);
    this.savedEntry.set(doc.uri, entry);
    return entry;
  }

  /** Records the text `run: onSave` reports on (called on open and save). */
  markSaved(doc: TextDocument): { version: number; text: string } {
    const snapshot = { version: doc.version, text: doc.getText() };
    this.savedText.set(doc.uri, snapshot);
    this.savedEntry.delete(doc.uri);
    return snapshot;
  }

  /** Forgets a closed document: its cached results and the engine's tree of its path. */
  forget(uri: string): void {
    this.latest.delete(uri);
    this.savedText.delete(uri);
    this.savedEntry.delete(uri);
    const path = uriToPath(uri);
    if (path) {
      releaseFile(path);
      this.project.modules.forget(path); // a closed buffer's text must not live on in its module summary
    }
  }

  /** What the caches hold (the test-only stats request; see test-hooks.ts). */
  stats(): { results: number; savedTexts: number; savedResults: number; resultBytes: number; trees: ReturnType<typeof engineCacheStats>; modules: ReturnType<Project['modules']['stats']> } {
    let resultBytes = 0;
    for (const map of [this.latest, this.savedEntry]) for (const entry of map.values()) resultBytes += entry.text.length;
    for (const saved of this.savedText.values()) resultBytes += saved.text.length;
    return { results: this.latest.size, savedTexts: this.savedText.size, savedResults: this.savedEntry.size, resultBytes, trees: engineCacheStats(), modules: this.project.modules.stats() };
  }

  /** Reads and lints a file that is not an open document (workspace pass); read failures are its problems. Not cached here. */
  lintDisk(uri: string, settings: Settings): LintEntry {
    const path = uriToPath(uri);
    const source = path && !this.ignored(path) ? this.workspace.read(path) : undefined;
    const key = `disk|${this.generation}|${settings.key}`;
    if (!source || source.ok) return this.lint(uri, source?.text ?? '', null, settings, key);
    return this.entry(uri, path, '', null, settings.enable ? [source.problem] : [], key, performance.now());
  }

  /** Diagnostics for a path that is not linted at all (a `_headers` folder): the given problems. */
  problemsAt(uri: string, problems: Problem[], settings: Settings): LintEntry {
    return this.entry(uri, uriToPath(uri), '', null, settings.enable ? problems : [], `problems|${this.generation}|${settings.key}`, performance.now());
  }

  /** The fixed text after applying fixes until stable (max 10 passes), or undefined when nothing changes. */
  fixAll(doc: TextDocument, settings: Settings): string | undefined {
    const path = uriToPath(doc.uri);
    if (!settings.enable || !path || !fileKind(path) || this.ignored(path)) return undefined;
    const text = doc.getText();
    const fixed = this.workspace.fixText(path, text, { overrides: settings.rules, extraRules: this.extraRules });
    return fixed === text ? undefined : fixed;
  }

  /** The workspace folders: the root test/fixture paths are relative to when no edgelint config is found. */
  setRoots(roots: readonly string[]): void {
    this.workspace.setRoots(roots);
    this.invalidate();
  }

  /** True when the nearest edgelint config's `ignores` cover the path (same rule as the CLI). */
  ignored(path: string): boolean {
    return this.workspace.ignored(path);
  }

  private lint(uri: string, text: string, version: number | null, settings: Settings, key: string): LintEntry {
    const path = uriToPath(uri);
    const kind = path ? fileKind(path) : undefined;
    const started = performance.now();
    let problems: Problem[] = [];
    if (settings.enable && path && kind) {
      try {
        if (!this.ignored(path)) problems = this.workspace.lintText(path, text, { overrides: settings.rules, extraRules: this.extraRules }).problems;
      } catch (error) {
        // lintFile promises never to throw; if it does anyway, show it instead of dying or going silent.
        this.log(`edgelint crashed on ${path}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        problems = [{ ruleId: INTERNAL_ERROR, severity: 'error', start: 0, end: 0, message: `edgelint failed on this file: ${error instanceof Error ? error.message : String(error)}. See the edgelint output for details.` }];
      }
    }
    return this.entry(uri, path, text, version, problems, key, started);
  }

  private entry(uri: string, path: string | undefined, text: string, version: number | null, problems: Problem[], key: string, started: number): LintEntry {
    // After a keystroke only the edited lines are rescanned: the document's previous lint has the index of its last text.
    const previous = this.latest.get(uri)?.index;
    const index = previous ? LineIndex.after(previous, text) : new LineIndex(text);
    const entry: LintEntry = {
      uri, path, version, text, kind: path ? fileKind(path) : undefined, problems, index, key,
      diagnostics: problems.map((p) => toDiagnostic(p, index)),
      resultId: `${++this.counter}`,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    this.onLinted(entry);
    return entry;
  }
}
