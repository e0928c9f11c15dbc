// Lints documents and disk files through the engine front door; results are cached per (uri, version, generation, settings).
import { dirname } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createProject, fixText, lintText, type Project } from '../api';
import type { Rule } from '../engine/define-rule';
import { isIgnored } from '../engine/config';
import { fileKind } from '../engine/file-kind';
import { LineIndex } from '../engine/line-index';
import { FILE_ERROR, type FileKind, type Problem } from '../engine/types';
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
    this.project = createProject(host);
  }

  /** Drops project facts and every cached result (a config file changed, or settings did). */
  invalidate(): void {
    this.project.invalidate();
    this.generation++;
  }

  /** Part of every cache key: bumps when facts or settings change. */
  get stamp(): number {
    return this.generation;
  }

  /** The lint of a document's current text (cached per version). */
  current(doc: TextDocument, settings: Settings): LintEntry {
    const key = `${doc.version}|${this.generation}|${settings.key}`;
    const cached = this.latest.get(doc.uri);
    if (cached && cached.key === key) return cached;
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

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.latest.delete(uri);
    this.savedText.delete(uri);
    this.savedEntry.delete(uri);
  }

  /** Lints text that is not an open document (workspace pass). Not cached here. */
  lintDisk(uri: string, text: string, settings: Settings): LintEntry {
    return this.lint(uri, text, null, settings, `disk|${this.generation}|${settings.key}`);
  }

  /** The fixed text after applying fixes until stable (max 10 passes), or undefined when nothing changes. */
  fixAll(doc: TextDocument, settings: Settings): string | undefined {
    const path = uriToPath(doc.uri);
    if (!settings.enable || !path || !fileKind(path) || this.ignored(path)) return undefined;
    const text = doc.getText();
    const fixed = fixText(this.project, path, text, { overrides: settings.rules, extraRules: this.extraRules }).text;
    return fixed === text ? undefined : fixed;
  }

  /** True when the nearest edgelint config's `ignores` cover the path (same rule as the CLI). */
  ignored(path: string): boolean {
    const resolved = this.project.configFor(path);
    return !!resolved.path && isIgnored(resolved.config, resolved.path, path, dirname(resolved.path));
  }

  private lint(uri: string, text: string, version: number | null, settings: Settings, key: string): LintEntry {
    const path = uriToPath(uri);
    const kind = path ? fileKind(path) : undefined;
    const started = performance.now();
    let problems: Problem[] = [];
    if (settings.enable && path && kind) {
      try {
        if (text.length > MAX_FILE_BYTES) problems = [tooLarge(text.length)];
        else if (!this.ignored(path)) problems = lintText(this.project, path, text, { overrides: settings.rules, extraRules: this.extraRules }).problems;
      } catch (error) {
        // lintFile promises never to throw; if it does anyway, show it instead of dying or going silent.
        this.log(`edgelint crashed on ${path}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        problems = [{ ruleId: INTERNAL_ERROR, severity: 'error', start: 0, end: 0, message: `edgelint failed on this file: ${error instanceof Error ? error.message : String(error)}. See the edgelint output for details.` }];
      }
    }
    const index = new LineIndex(text);
    const entry: LintEntry = {
      uri, path, version, text, kind, problems, index, key,
      diagnostics: problems.map((p) => toDiagnostic(p, index)),
      resultId: `${++this.counter}`,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    this.onLinted(entry);
    return entry;
  }
}

/** Same limit and wording as the CLI's size check: a huge open buffer (a bundle, a dump) is reported, not parsed per keystroke. */
function tooLarge(length: number): Problem {
  return {
    ruleId: FILE_ERROR, severity: 'warn', start: 0, end: 0, fatal: true,
    message: `File has ${length} characters, over the ${MAX_FILE_BYTES}-character limit; not linted.`,
  };
}
