// Inline-marker fixtures: realistic mini projects where a trailing `expect: <rule-id>` comment marks every line that
// must be reported; every unmarked line must stay clean (precision on real-world code shapes). Files without
// trailing comments (JSON, _headers) list `<line> <rule-id>` in a sibling `<name>.expect` file.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { createProject, lintText } from '../../../server/src/api';
import { LineIndex } from '../../../server/src/engine/line-index';

const FIXTURES = 'test/fixtures';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function expected(path: string, text: string): string[] {
  if (existsSync(`${path}.expect`)) return readFileSync(`${path}.expect`, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  return text.split('\n').flatMap((line, i) => [...line.matchAll(/(?:\/\/|#) expect: ([a-z0-9-]+(?:, *[a-z0-9-]+)*)/g)]
    .flatMap((m) => m[1]!.split(/, */).map((id) => `${i + 1} ${id}`)));
}

for (const scenario of readdirSync(FIXTURES)) {
  describe(`fixture ${scenario}`, () => {
    const project = createProject({ readFile: (p) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } } });
    for (const path of files(join(FIXTURES, scenario)).filter((f) => !f.endsWith('.expect'))) {
      it(relative(FIXTURES, path), () => {
        const text = readFileSync(path, 'utf8');
        const index = new LineIndex(text);
        const reported = lintText(project, join(process.cwd(), path), text).problems
          .map((p) => `${index.position(p.start).line + 1} ${p.ruleId}`);
        assert.deepEqual([...new Set(reported)].sort(), expected(path, text).sort());
      });
    }
  });
}
