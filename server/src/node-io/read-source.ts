// Reads a file for linting: size limit, UTF-8/UTF-16 BOMs, invalid UTF-8 and unreadable paths become reported problems.
import { readFileSync, statSync } from 'node:fs';
import { FILE_ERROR, type Problem } from '../engine/types';

/** A file's text (without BOM) and how to write it back, or the problem that kept it from being linted. */
export type SourceRead =
  | { ok: true; text: string; bom: string }
  | { ok: false; problem: Problem };

const fileProblem = (message: string, severity: Problem['severity']): SourceRead => ({
  ok: false, problem: { ruleId: FILE_ERROR, severity, message, start: 0, end: 0, fatal: true },
});

/** Reads `path` for linting. */
export function readSource(path: string, maxFileSize: number): SourceRead {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > maxFileSize) return fileProblem(`File is ${size} bytes, over the ${maxFileSize}-byte limit; not linted (raise --max-file-size).`, 'warn');
    bytes = readFileSync(path);
  } catch (error) {
    return fileProblem(`Cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, 'error');
  }
  return decode(bytes);
}

/** Decodes bytes as UTF-8 (or UTF-16 with a BOM); invalid UTF-8 is reported rather than guessed. */
export function decode(bytes: Uint8Array): SourceRead {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), bom: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), bom: 'utf-16be' };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes);
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
