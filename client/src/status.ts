// The language status item: server state and the last lint (time, duration, problems); clicking it shows the output.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';

/** Server states shown in the item. */
export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

/** Wraps a LanguageStatusItem for the documents edgelint lints. */
export class Status implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private state: ServerState = 'starting';
  private last?: StatusParams;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('edgelint.status', selector);
    this.item.name = 'edgelint';
    this.item.command = { title: 'Show output', command: 'edgelint.showOutput' };
    this.render();
  }

  /** The language server's state changed. */
  setState(state: ServerState): void {
    this.state = state;
    this.render();
  }

  /** A document was linted (edgelint/status notification). */
  linted(params: StatusParams): void {
    this.last = params;
    this.render();
  }

  private render(): void {
    const { item, last } = this;
    item.busy = this.state === 'starting';
    item.severity = this.state === 'failed' || last?.state === 'error' ? vscode.LanguageStatusSeverity.Error
      : this.state === 'stopped' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.text = this.state === 'running' ? 'edgelint' : `edgelint: ${this.state}`;
    item.detail = last
      ? `last lint ${new Date(last.time).toLocaleTimeString()} in ${last.ms} ms, ${last.problems} problem${last.problems === 1 ? '' : 's'}${last.state === 'error' ? ' (internal error, see output)' : ''}`
      : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
