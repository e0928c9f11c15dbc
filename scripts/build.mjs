// Bundles the CLI, the language server and the VS Code client with esbuild (type-checking is `npm run typecheck`).
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Prefer ESM builds: jsonc-parser's UMD main uses a dynamic require('./impl/format') that esbuild cannot bundle.
  mainFields: ['module', 'main'],
  // Whitespace and syntax minification halve the bundle (startup time); identifiers stay readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
};

await Promise.all([
  build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
]);
chmodSync('dist/cli.js', 0o755);
