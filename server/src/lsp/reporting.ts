// Delivers diagnostics: pull (textDocument/diagnostic, workspace/diagnostic) or push (publishDiagnostics + a background
// workspace pass), and re-lints everything when project facts or settings change (interFileDependencies).
import {
  DocumentDiagnosticReportKind, type CancellationToken, type Connection, type DocumentDiagnosticParams, type DocumentDiagnosticReport,
  type WorkspaceDiagnosticParams, type WorkspaceDiagnosticReport, type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { ClientCaps } from './capabilities';
import { uriToPath, type DocumentsHost } from './documents-host';
import type { LintService } from './linting';
import type { SettingsStore } from './settings';
import type { WorkspaceScanner } from './workspace-scan';

/** Push mode: delay between a keystroke and the re-lint. */
const TYPING_DELAY_MS = 120;
/** Coalesces bursts of config edits/watcher events into one re-lint. */
const PROJECT_DELAY_MS = 60;

/** Everything the reporting needs from the server. */
export interface ReportingDeps {
  connection: Connection;
  caps: ClientCaps;
  host: DocumentsHost;
  settings: SettingsStore;
  linter: LintService;
  scanner: WorkspaceScanner;
  /** Informational messages (the output channel). */
  log: (message: string) => void;
  /** Failures. */
  error: (message: string) => void;
}

/** Pull handlers, push publishing and project-wide re-lints. */
export class Reporting {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private projectTimer?: NodeJS.Timeout;
  private dependentsTimer?: NodeJS.Timeout;
  private pendingInvalidate = false;
  private readonly pushedFromScan = new Map<string, string>();

  constructor(private readonly d: ReportingDeps) {}

  /** textDocument/diagnostic. Repeated pulls of an unchanged document answer `unchanged` without re-linting. */
  async pullDocument(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const doc = this.d.host.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const settings = await this.d.settings.get(doc.uri);
    if (token.isCancellationRequested) {
      // The client no longer wants the answer: reply cheaply.
      return params.previousResultId ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: params.previousResultId } : { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
    const entry = this.d.linter.reported(doc, settings);
    if (params.previousResultId === entry.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: entry.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: entry.resultId, items: entry.diagnostics };
  }

  /** workspace/diagnostic: every lintable file; unchanged ones are answered `unchanged`, vanished ones cleared. */
  async pullWorkspace(params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map<string, string>();
    for (const { uri, value } of params.previousResultIds) {
      const path = uriToPath(uri);
      if (path) previous.set(path, value);
    }
    const result = await this.d.scanner.scan(() => token.isCancellationRequested);
    if (!result) return { items: [] };
    const items: WorkspaceDocumentDiagnosticReport[] = result.items.map((item) => previous.get(item.path) === item.resultId
      ? { kind: DocumentDiagnosticReportKind.Unchanged, uri: item.uri, version: item.version, resultId: item.resultId }
      : { kind: DocumentDiagnosticReportKind.Full, uri: item.uri, version: item.version, resultId: item.resultId, items: item.diagnostics });
    for (const uri of result.removed) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
    return { items };
  }

  /** Push mode: lint a document soon (after typing pauses). */
  schedule(uri: string, delay = TYPING_DELAY_MS): void {
    if (this.d.caps.pull) return;
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.publish(uri).catch((error) => this.d.error(`publish ${uri} failed: ${String(error)}`));
    }, delay));
  }

  /** Push mode: lint and publish one open document. */
  async publish(uri: string): Promise<void> {
    const doc = this.d.host.get(uri);
    if (!doc || this.d.caps.pull) return;
    const settings = await this.d.settings.get(uri);
    if (this.d.host.get(uri) !== doc) return; // closed meanwhile
    const entry = this.d.linter.reported(doc, settings);
    await this.d.connection.sendDiagnostics({ uri, version: entry.version ?? undefined, diagnostics: entry.diagnostics });
  }

  /** A document closed: push clients get the file's on-disk problems from the next workspace pass (or nothing). */
  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (this.d.caps.pull) return;
    this.pushedFromScan.delete(uri);
    this.d.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
    this.backgroundScan();
  }

  /** Push mode: lint files that are not open and publish what changed since the last pass. */
  backgroundScan(): void {
    if (this.d.caps.pull) return;
    this.d.scanner.scan().then(async (result) => {
      if (!result) return;
      for (const item of result.items) {
        if (item.version !== null || this.pushedFromScan.get(item.uri) === item.resultId) continue; // open: pushed by the document handlers
        this.pushedFromScan.set(item.uri, item.resultId);
        await this.d.connection.sendDiagnostics({ uri: item.uri, diagnostics: item.diagnostics });
      }
      for (const uri of result.removed) {
        this.pushedFromScan.delete(uri);
        await this.d.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }).catch((error) => this.d.error(`workspace pass failed: ${error instanceof Error ? error.stack : String(error)}`));
  }

  /**
   * Project facts or settings changed (wrangler config, package.json, .edgelintrc.json, a setting): drop the facts
   * (not for a setting) and re-lint. Pull clients are asked to re-pull (workspace/diagnostic/refresh); push clients get everything re-published.
   */
  projectChanged(reason: string, invalidateFacts = true): void {
    clearTimeout(this.projectTimer);
    this.pendingInvalidate ||= invalidateFacts;
    this.projectTimer = setTimeout(() => {
      this.projectTimer = undefined;
      this.d.log(`re-linting: ${reason}`);
      // Settings are part of every cache key already; only config files change the project facts.
      if (this.pendingInvalidate) this.d.linter.invalidate();
      this.pendingInvalidate = false;
      if (this.d.caps.pull) {
        if (this.d.caps.refresh) {
          Promise.resolve(this.d.connection.languages.diagnostics.refresh() as unknown).catch((error) => this.d.error(`diagnostic refresh failed: ${String(error)}`));
        }
        return;
      }
      for (const doc of this.d.host.all()) this.schedule(doc.uri, 0);
      this.backgroundScan();
    }, PROJECT_DELAY_MS);
  }

  /**
   * Open files whose lint used a module that just changed (cross-file summaries): pull clients are asked to re-pull,
   * push clients get those files re-published. Facts stay; no workspace pass (it runs on every typing pause).
   */
  dependentsChanged(uris: readonly string[]): void {
    if (uris.length === 0) return;
    if (this.d.caps.pull) {
      clearTimeout(this.dependentsTimer);
      this.dependentsTimer = setTimeout(() => {
        this.dependentsTimer = undefined;
        if (!this.d.caps.refresh) return;
        Promise.resolve(this.d.connection.languages.diagnostics.refresh() as unknown).catch((error) => this.d.error(`diagnostic refresh failed: ${String(error)}`));
      }, PROJECT_DELAY_MS);
      return;
    }
    for (const uri of uris) this.schedule(uri);
  }

  /** Stops pending timers (shutdown). */
  dispose(): void {
    clearTimeout(this.dependentsTimer);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    clearTimeout(this.projectTimer);
  }
}
