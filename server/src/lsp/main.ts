// Entry of dist/server.js: `--node-ipc` (VS Code), `--stdio`, `--socket=N` or `--pipe=NAME`; stdio when no transport is given.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { runStdio } from './stdio';

const TRANSPORTS = /^--(node-ipc|stdio|socket|pipe)(=|$)/;

if (process.argv.slice(2).some((arg) => TRANSPORTS.test(arg)) && !process.argv.includes('--stdio')) {
  startServer(createConnection(ProposedFeatures.all));
} else {
  runStdio();
}
