// Open documents (incremental sync) and the engine Host over them: an open document's text wins, else the disk.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Host } from '../api';

/** Files larger than this are never read from disk by the server (the workspace pass skips them). */
export const MAX_FILE_BYTES = 1024 * 1024;

/** The file-system path of a `file:` URI, or undefined for other schemes (untitled:, vscode-vfs:, …). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** A `file:` URI for a path. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Reads a UTF-8 file of at most MAX_FILE_BYTES; undefined when missing, too big, a folder or unreadable. */
export function readDiskFile(path: string): string | undefined {
  try {
    const stats = statSync(path);
    if (!stats.isFile() || stats.size > MAX_FILE_BYTES) return undefined;
    const text = readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/** The open documents, indexed by URI and by path, as the engine's Host. */
export class DocumentsHost implements Host {
  readonly documents = new TextDocuments(TextDocument);
  private readonly byPath = new Map<string, string>();

  constructor() {
    // Registered before any other listener, so the path index is current when the server's handlers run.
    this.documents.onDidOpen(({ document }) => {
      const path = uriToPath(document.uri);
      if (path) this.byPath.set(path, document.uri);
    });
    this.documents.onDidClose(({ document }) => {
      const path = uriToPath(document.uri);
      if (path && this.byPath.get(path) === document.uri) this.byPath.delete(path);
    });
  }

  /** Host.readFile: the open document's current text, else the file on disk. */
  readFile(path: string): string | undefined {
    const open = this.openAt(path);
    return open ? open.getText() : readDiskFile(path);
  }

  /** Host.listDir: the names in a folder on disk (finds `wrangler.*.toml` variants). */
  listDir(dir: string): string[] | undefined {
    try {
      return readdirSync(dir);
    } catch {
      return undefined;
    }
  }

  /** The open document for a URI. */
  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The open document at a path. */
  openAt(path: string): TextDocument | undefined {
    const uri = this.byPath.get(path);
    return uri === undefined ? undefined : this.documents.get(uri);
  }

  /** All open documents. */
  all(): TextDocument[] {
    return this.documents.all();
  }
}
