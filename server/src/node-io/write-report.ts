// Writes a report file atomically (a temporary file next to it, then a rename), creating missing parent folders.
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes `text` to `path` so readers see the old file or the whole new one, never half of it. Throws on failure. */
export function writeReport(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.edgelint-${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    try { unlinkSync(temp); } catch { /* nothing to clean up */ }
    throw error;
  }
}
