// Reads a file for linting: regular files only, a capped read, UTF-8/UTF-16 BOMs; every failure becomes a reported problem.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { FILE_ERROR, type Problem } from '../engine/types';

/** A file's text (without BOM) and how to write it back, or the problem that kept it from being linted. */
export type SourceRead =
  | { ok: true; text: string; bom: string }
  | { ok: false; problem: Problem };

/** The default size limit of the CLI and the language server (1 MiB). */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

const fileProblem = (message: string, severity: Problem['severity']): SourceRead => ({
  ok: false, problem: { ruleId: FILE_ERROR, severity, message, start: 0, end: 0, fatal: true },
});

const tooLarge = (size: number, max: number) =>
  fileProblem(`File is ${size} bytes, over the ${max}-byte limit; not linted (raise --max-file-size).`, 'warn');

/** What a non-regular file is, for messages. */
function describeType(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads `path` for linting. Only regular files (or symlinks to them) are read: a FIFO, a device such as /dev/zero or a
 * folder is reported, never read. The read stops after `maxFileSize` bytes even when the file grows while it is read.
 */
export function readSource(path: string, maxFileSize: number): SourceRead {
  return readStamped(path, maxFileSize, false).source;
}

/** What a file was when it was read: `--fix` writes only when it still is (safe-write.ts). */
export interface FileStamp {
  mtimeMs: number;
  size: number;
  /** SHA-256 of the bytes read. */
  hash: string;
}

/** `readSource` plus the stamp of what was read (for regular files that were read). */
export function readStamped(path: string, maxFileSize: number, withStamp = true): { source: SourceRead; stamp?: FileStamp } {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then tells what was opened before anything is read.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { source: fileProblem(`Not a regular file (${describeType(stats)}); not read.`, 'error') };
    if (stats.size > maxFileSize) return { source: tooLarge(stats.size, maxFileSize) };
    const buffer = Buffer.alloc(Math.min(stats.size, maxFileSize) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length;) {
      n = readSync(fd, buffer, length, buffer.length - length, null);
      length += n;
    }
    if (length > maxFileSize) return { source: tooLarge(length, maxFileSize) };
    const bytes = buffer.subarray(0, length);
    return { source: decode(bytes), stamp: withStamp ? { mtimeMs: stats.mtimeMs, size: stats.size, hash: hashBytes(bytes) } : undefined };
  } catch (error) {
    return { source: fileProblem(`Cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, 'error') };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The content hash a stamp keeps. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Decodes bytes as UTF-8 (or UTF-16 with a BOM); invalid UTF-8 is reported rather than guessed. */
export function decode(bytes: Uint8Array): SourceRead {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), bom: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), bom: 'utf-16be' };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hasBom ? bytes.subarray(3) : bytes);
    return { ok: true, text, bom: hasBom ? 'utf-8' : '' };
  } catch {
    return fileProblem('File is not valid UTF-8 (or UTF-16 with a BOM); not linted.', 'warn');
  }
}

/** Encodes fixed text back with the file's original BOM and encoding. */
export function encode(text: string, bom: string): Buffer {
  if (bom === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (bom === 'utf-16be') {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
  }
  return Buffer.concat([bom === 'utf-8' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}
