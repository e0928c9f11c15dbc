// VS Code entry: activate starts the edgelint language client, status item and commands; deactivate stops the client.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/protocol';
import { createClient, DOCUMENT_SELECTOR } from './client';
import { registerCommands } from './commands';
import { Status } from './status';

let client: LanguageClient | undefined;

/** Activated by a wrangler config in the workspace or a JS/TS/TOML/JSON/YAML/_headers document. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('edgelint');
  const status = new Status(DOCUMENT_SELECTOR as vscode.DocumentSelector);
  client = createClient(context, output);
  context.subscriptions.push(
    output,
    status,
    registerCommands(client, output),
    client.onDidChangeState(({ newState }) => status.setState(newState === State.Running ? 'running' : newState === State.Starting ? 'starting' : 'stopped')),
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => status.linted(params)),
  );
  try {
    await client.start();
  } catch (error) {
    // Keep the commands (edgelint.restart, edgelint.showOutput) usable when the server cannot start.
    status.setState('failed');
    output.appendLine(`edgelint: the language server failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
