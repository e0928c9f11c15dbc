// Inline-marker projects (test/fixtures, test/corpus): a trailing `expect: <rule-id>[, <rule-id>…]` comment (`//` or `#`)
// marks every line that must be reported; files without trailing comments (JSON, _headers) list `<line> <rule-id>` in a
// sibling `<name>.expect` file. These helpers lint such a project in-process and compare.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createProject, lintText, type Project } from '../../server/src/api';
import { LineIndex } from '../../server/src/engine/line-index';

/** Every file below `dir`, depth first. */
export function markerFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markerFiles(path) : [path];
  });
}

/** The `<line> <rule-id>` pairs a file's markers (or its `.expect` sibling) ask for. */
export function expectedMarkers(path: string, text: string): string[] {
  if (existsSync(`${path}.expect`)) return readFileSync(`${path}.expect`, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  return text.split('\n').flatMap((line, i) => [...line.matchAll(/(?:\/\/|#) expect: ([a-z0-9-]+(?:, *[a-z0-9-]+)*)/g)]
    .flatMap((m) => m[1]!.split(/, */).map((id) => `${i + 1} ${id}`)));
}

/** A project that reads the real files on disk, as the CLI does. */
export function diskProject(): Project {
  return createProject({ readFile: (p) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } } });
}

/** The distinct `<line> <rule-id>` pairs edgelint reports for a file. */
export function reportedMarkers(project: Project, absolutePath: string, text: string): string[] {
  const index = new LineIndex(text);
  return [...new Set(lintText(project, absolutePath, text).problems.map((p) => `${index.position(p.start).line + 1} ${p.ruleId}`))];
}
