// Open documents (incremental sync), indexed by path: the overlay the shared Workspace reads before the disk.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_MAX_FILE_SIZE } from '../node-io/read-source';

/** Files and open buffers larger than this are reported, not linted (the CLI's default `--max-file-size`). */
export const MAX_FILE_BYTES = DEFAULT_MAX_FILE_SIZE;

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

/** The open documents, indexed by URI and by path. */
export class DocumentsHost {
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

  /** The open document's current text at a path (the Workspace overlay), or undefined when it is not open. */
  openText(path: string): string | undefined {
    return this.openAt(path)?.getText();
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
