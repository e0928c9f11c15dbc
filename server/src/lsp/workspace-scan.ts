// The workspace-wide pass: lints files that are not open (_headers, package.json, workflows, sources) through the CLI's
// Workspace (same discovery, reader and problems), bounded (50,000 files, 1 MiB each), cached by mtime.
import { statSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Problem } from '../engine/types';
import { pathToUri, type DocumentsHost } from './documents-host';
import type { LintService } from './linting';
import type { Settings } from './settings';

/** At most this many files per workspace pass (the rest are not reported, and the log says so): a guard against runaway
 * folders, not a budget. Files no rule can apply to are ruled out before parsing, so large workspaces are cheap. */
export const MAX_WORKSPACE_FILES = 50_000;
/** Re-walk the folders at most this often unless a watched file was created or deleted. */
const DISCOVERY_TTL_MS = 30_000;

/** One file's diagnostics from the workspace pass. */
export interface ScanItem {
  uri: string;
  path: string;
  /** The open document's version, or null for a file read from disk. */
  version: number | null;
  resultId: string;
  diagnostics: Diagnostic[];
}

/** The result of one pass: every file (open ones with their version), and files reported earlier that are gone now. */
export interface ScanResult {
  items: ScanItem[];
  removed: string[];
}

/** Walks the workspace folders and lints what is not open; unchanged files (same mtime, size, facts, settings) are not re-linted. */
export class WorkspaceScanner {
  private folders: string[] = [];
  private discovered?: { files: { path: string; folder: string; problem?: Problem }[]; at: number };
  private readonly results = new Map<string, { stamp: string; item: ScanItem }>();
  private running?: Promise<ScanResult | undefined>;

  constructor(
    private readonly host: DocumentsHost,
    private readonly linter: LintService,
    private readonly settingsFor: (scopeUri: string) => Promise<Settings>,
    private readonly log: (message: string) => void,
  ) {}

  /** Sets the workspace folder paths. */
  setFolders(paths: readonly string[]): void {
    this.folders = [...new Set(paths)];
    this.discovered = undefined;
  }

  /** Forces a new walk on the next pass (a watched file was created or deleted). */
  markDirty(): void {
    this.discovered = undefined;
  }

  /** One pass at a time; a caller arriving during a pass waits and then runs its own (cheap when nothing changed). */
  async scan(cancelled: () => boolean = () => false): Promise<ScanResult | undefined> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.pass(cancelled);
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private async pass(cancelled: () => boolean): Promise<ScanResult | undefined> {
    const items: ScanItem[] = [];
    const seen = new Set<string>();
    let count = 0;
    for (const { path, folder, problem } of this.files()) {
      if (cancelled()) return undefined;
      seen.add(path);
      const open = this.host.openAt(path);
      let item: ScanItem | undefined;
      if (problem) {
        const entry = this.linter.problemsAt(pathToUri(path), [problem], await this.settingsFor(pathToUri(folder)));
        item = { uri: entry.uri, path, version: null, resultId: `walk:${this.linter.stamp}|${problem.message}`, diagnostics: entry.diagnostics };
      } else if (open) {
        // Reported with its version: clients prefer their document pulls, but an open document that is not visible
        // (so never pulled) still gets diagnostics. Once closed it gets a fresh result from disk.
        this.results.delete(path);
        const entry = this.linter.reported(open, await this.settingsFor(open.uri));
        item = { uri: open.uri, path, version: entry.version, resultId: entry.resultId, diagnostics: entry.diagnostics };
      } else {
        item = this.lintOne(path, await this.settingsFor(pathToUri(folder)));
      }
      if (item) items.push(item);
      // Yield so document pulls, code actions and hovers are answered while a large workspace is linted.
      if (++count % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const removed: string[] = [];
    for (const [path, { item }] of this.results) {
      if (!seen.has(path)) {
        this.results.delete(path);
        removed.push(item.uri);
      }
    }
    return { items, removed };
  }

  private lintOne(path: string, settings: Settings): ScanItem | undefined {
    let stamp: string;
    try {
      const stats = statSync(path);
      stamp = `${stats.mtimeMs}|${stats.size}|${this.linter.stamp}|${settings.key}`;
    } catch {
      stamp = `unreadable|${this.linter.stamp}|${settings.key}`; // a dangling symlink: reported below, as the CLI does
    }
    const cached = this.results.get(path);
    if (cached && cached.stamp === stamp) return cached.item;
    const uri = pathToUri(path);
    // Too big, unreadable, not UTF-8, binary or not a regular file: reported as the CLI reports it.
    const entry = this.linter.lintDisk(uri, settings);
    const item: ScanItem = { uri, path, version: null, resultId: `ws:${entry.resultId}`, diagnostics: entry.diagnostics };
    this.results.set(path, { stamp, item });
    return item;
  }

  private files(): { path: string; folder: string; problem?: Problem }[] {
    if (this.discovered && Date.now() - this.discovered.at < DISCOVERY_TTL_MS) return this.discovered.files;
    const files: { path: string; folder: string; problem?: Problem }[] = [];
    for (const folder of this.folders) {
      try {
        const found = this.linter.workspace.discover([folder], folder);
        for (const { path, problem } of found.problems) files.push({ path, folder, problem });
        for (const path of found.files) files.push({ path, folder });
      } catch (error) {
        this.log(`workspace pass: cannot walk ${folder}: ${String(error)}`);
      }
    }
    if (files.length > MAX_WORKSPACE_FILES) this.log(`workspace pass: ${files.length} files found; only the first ${MAX_WORKSPACE_FILES} are linted.`);
    this.discovered = { files: files.slice(0, MAX_WORKSPACE_FILES), at: Date.now() };
    return this.discovered.files;
  }
}
