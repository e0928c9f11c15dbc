// Temporary project folders on disk for adapter tests (LSP, CLI): write files, map paths to URIs, remove afterwards.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A project folder under the OS temp dir. */
export interface TempProject {
  root: string;
  rootUri: string;
  path(rel: string): string;
  uri(rel: string): string;
  write(rel: string, text: string | Buffer): void;
  remove(): void;
}

/** Creates a temp folder holding `files` (relative path -> text or bytes). */
export function tempProject(files: Record<string, string | Buffer>, prefix = 'edgelint-test-'): TempProject {
  // realpath: on macOS /tmp is a symlink, and the server reports real paths.
  const root = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  const project: TempProject = {
    root,
    rootUri: pathToFileURL(root).href,
    path: (rel) => join(root, rel),
    uri: (rel) => pathToFileURL(join(root, rel)).href,
    write: (rel, text) => {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  for (const [rel, text] of Object.entries(files)) project.write(rel, text);
  return project;
}
