// Commands: edgelint.restart, edgelint.showOutput, edgelint.fixAll (active editor) and edgelint.openDocs (rule doc links).
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { APPLY_FIX_ALL_COMMAND, OPEN_DOCS_COMMAND, type ApplyFixAllArgs } from '../../server/src/lsp/protocol';

/** Registers the commands (the same client object survives edgelint.restart). */
export function registerCommands(client: LanguageClient, output: vscode.OutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('edgelint.restart', async () => {
      output.appendLine('edgelint: restarting the language server');
      await client.restart();
    }),
    vscode.commands.registerCommand('edgelint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('edgelint.fixAll', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) return;
      // The server computes the fixes (re-lint until stable) and applies a version-checked edit via workspace/applyEdit.
      const args: ApplyFixAllArgs = { uri: client.code2ProtocolConverter.asUri(document.uri), version: document.version };
      await client.sendRequest(ExecuteCommandRequest.type, { command: APPLY_FIX_ALL_COMMAND, arguments: [args] });
    }),
    vscode.commands.registerCommand(OPEN_DOCS_COMMAND, async (url: unknown) => {
      if (typeof url === 'string' && /^https:\/\//.test(url)) await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
  );
}
