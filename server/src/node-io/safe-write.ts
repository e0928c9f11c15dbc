// `--fix` writes: only inside the project, never through hard links or to read-only files, only when the file is unchanged
// since it was read, through a temp file and rename; every refusal or failure is a message for that file, never a throw.
import { accessSync, closeSync, fchmodSync, constants, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { hashBytes, type FileStamp } from './read-source';

/** Writes `data` to a new file (it must not exist: O_EXCL, so a planted symlink is never followed). Injectable for fault tests. */
export type CreateFile = (path: string, data: Uint8Array, mode: number) => void;

/** The default CreateFile: exclusive create, full write, close. */
export const createFile: CreateFile = (path, data, mode) => {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), mode);
  try {
    fchmodSync(fd, mode);
    for (let written = 0; written < data.length;) written += writeSync(fd, data, written, data.length - written);
  } finally {
    closeSync(fd);
  }
};

/** What keeps a write from happening, checked before the write (undefined: go ahead). */
export function writeRefusal(path: string, stamp: FileStamp | undefined, leaves: (path: string) => boolean): string | undefined {
  if (leaves(path)) return 'File lies outside the project root (through a link); fixes not written.';
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    return `Cannot write fixes: ${code(error)}; the file is unchanged.`;
  }
  if (!stats.isFile()) return 'File changed on disk since edgelint read it; fixes not written (run again).';
  if (stats.nlink > 1) return `File has ${stats.nlink} hard links; fixes not written (the other links would keep the old text).`;
  if ((stats.mode & 0o222) === 0 || !writable(path)) return 'File is read-only; fixes not written.';
  if (!stamp || stats.size !== stamp.size || stats.mtimeMs !== stamp.mtimeMs || hashOf(path) !== stamp.hash) {
    return 'File changed on disk since edgelint read it; fixes not written (run again).';
  }
  return undefined;
}

/**
 * Writes `data` over `path` through a temp file in the same folder and a rename (symlinks inside the project: their
 * target). Returns an error message instead of throwing; the original file is untouched on failure and the temp removed.
 */
export function writeFixed(path: string, data: Uint8Array, create: CreateFile = createFile): string | undefined {
  let temp: string | undefined;
  try {
    const target = realpathSync.native(path);
    temp = join(dirname(target), `.${basename(target)}.edgelint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    create(temp, data, statSync(target).mode & 0o7777);
    renameSync(temp, target);
    return undefined;
  } catch (error) {
    if (temp) try { unlinkSync(temp); } catch { /* nothing was created */ }
    return `Cannot write fixes: ${code(error)}; the file is unchanged.`;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function hashOf(path: string): string | undefined {
  try {
    return hashBytes(readFileSync(path));
  } catch {
    return undefined;
  }
}

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}
