// `edgelint --init`: writes a commented `.edgelintrc.json` (JSON with comments) in the working folder; never overwrites.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The starter config: every key edgelint reads, with what it does. Parses without problems (a test checks it). */
export const INIT_CONFIG = `// edgelint config (JSON with comments). Docs: https://github.com/edgelint/edgelint#configuration
// The nearest .edgelintrc.json above a file applies to it (no merging with configs further up).
{
  // Rule severities: "off", "info", "warn" or "error"; options as ["warn", { ... }]. List rules: npx edgelint --list-rules
  "rules": {
    // "kv-hot-key-write": "error",
    // "kv-cachettl-below-minimum": ["error", { "minimum": 60 }]
  },
  // Globs (relative to this file's folder) that edgelint never lints, on top of .gitignore.
  "ignores": [],
  // Test and fixture code: "info" (findings never fail CI), "off" (no findings) or "normal" (linted like any code).
  "tests": "info",
  // Disable comments that silence nothing: "off", "info", "warn" or "error".
  "reportUnusedDisableDirectives": "warn"
}
`;

/** Writes the starter config; exit 2 (and no write) when one is already there. */
export function writeInitConfig(cwd: string, io: { stdout(text: string): void; stderr(text: string): void }): number {
  const path = join(cwd, '.edgelintrc.json');
  if (existsSync(path)) {
    io.stderr(`edgelint: ${path} already exists; not overwritten.\n`);
    return 2;
  }
  try {
    writeFileSync(path, INIT_CONFIG, { flag: 'wx' });
  } catch (error) {
    io.stderr(`edgelint: cannot write ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  io.stdout(`Wrote ${path}. Next: npx edgelint (or add "lint:edge": "edgelint" to package.json scripts).\n`);
  return 0;
}
