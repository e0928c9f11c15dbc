// Inline-marker fixtures: realistic mini projects where a trailing `expect: <rule-id>` comment marks every line that
// must be reported; every unmarked line must stay clean (precision on real-world code shapes). Files without
// trailing comments (JSON, _headers) list `<line> <rule-id>` in a sibling `<name>.expect` file.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { diskProject, expectedMarkers, markerFiles, reportedMarkers } from '../../harness/inline-markers';

const FIXTURES = 'test/fixtures';

for (const scenario of readdirSync(FIXTURES)) {
  describe(`fixture ${scenario}`, () => {
    const project = diskProject();
    for (const path of markerFiles(join(FIXTURES, scenario)).filter((f) => !f.endsWith('.expect'))) {
      it(relative(FIXTURES, path), () => {
        const text = readFileSync(path, 'utf8');
        assert.deepEqual(reportedMarkers(project, join(process.cwd(), path), text).sort(), expectedMarkers(path, text).sort());
      });
    }
  });
}
