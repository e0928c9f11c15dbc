// Entry of dist/server.js: `--stdio` (default), `--socket=N`, `--pipe=NAME` or `--node-ipc` (VS Code), all guarded.
import { parseTransport, serveTransport, SUPPORTED_TRANSPORTS } from './transports';

const transport = parseTransport(process.argv.slice(2));
const error = 'error' in transport ? transport.error : serveTransport(transport);
if (error !== undefined) {
  process.stderr.write(`edgelint language server: ${error}.\nSupported transports: ${SUPPORTED_TRANSPORTS}.\n`);
  process.exit(2);
}
