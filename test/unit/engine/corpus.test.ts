// Real-world corpus re-creations (test/corpus/<scenario>/): small hand-written projects in the shapes real Workers and
// Pages code uses (see each README.md and test/real-world/). Every line with an `expect: <rule-id>` marker must be
// reported and every other line must stay clean, except the markers listed in test/corpus/known-misses.json, which the
// current engine does not find yet. The list must only shrink: a listed miss that is now reported fails the test too,
// so whoever fixes it removes the entry.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { diskProject, expectedMarkers, markerFiles, reportedMarkers } from '../../harness/inline-markers';

const CORPUS = 'test/corpus';
const KNOWN_MISSES = join(CORPUS, 'known-misses.json');

interface KnownMiss {
  project: string;
  path: string;
  line: number;
  rule: string;
}

const knownMisses: KnownMiss[] = JSON.parse(readFileSync(KNOWN_MISSES, 'utf8'));
const scenarios = readdirSync(CORPUS).filter((name) => statSync(join(CORPUS, name)).isDirectory()).sort();
const isLinted = (path: string) => !path.endsWith('.expect') && !path.endsWith('README.md');

describe('real-world corpus', () => {
  it('has 8 or more scenarios, each with a README and at least one marker', () => {
    assert.ok(scenarios.length >= 8, `only ${scenarios.length} scenarios in ${CORPUS}`);
    for (const scenario of scenarios) {
      assert.ok(existsSync(join(CORPUS, scenario, 'README.md')), `${scenario} has no README.md`);
      const markers = markerFiles(join(CORPUS, scenario)).filter(isLinted)
        .flatMap((path) => expectedMarkers(path, readFileSync(path, 'utf8')));
      assert.ok(markers.length > 0, `${scenario} has no expect markers`);
    }
  });

  it('known-misses.json lists only existing markers, once each', () => {
    const seen = new Set<string>();
    for (const miss of knownMisses) {
      const id = `${miss.project}/${miss.path}:${miss.line} ${miss.rule}`;
      assert.ok(!seen.has(id), `duplicate known miss ${id}`);
      seen.add(id);
      const file = join(CORPUS, miss.project, miss.path);
      assert.ok(existsSync(file), `known miss ${id}: no such file`);
      assert.ok(expectedMarkers(file, readFileSync(file, 'utf8')).includes(`${miss.line} ${miss.rule}`), `known miss ${id} is not a marker (stale entry?)`);
    }
  });
});

for (const scenario of scenarios) {
  describe(`corpus ${scenario}`, () => {
    const project = diskProject();
    for (const path of markerFiles(join(CORPUS, scenario)).filter(isLinted)) {
      const rel = relative(join(CORPUS, scenario), path).split('\\').join('/');
      it(rel, () => {
        const text = readFileSync(path, 'utf8');
        const reported = new Set(reportedMarkers(project, join(process.cwd(), path), text));
        const expected = new Set(expectedMarkers(path, text));
        const known = new Set(knownMisses.filter((m) => m.project === scenario && m.path === rel).map((m) => `${m.line} ${m.rule}`));
        const problems = [
          ...[...expected].filter((m) => !reported.has(m) && !known.has(m)).map((m) => `missed marker ${m} (not in known-misses.json)`),
          ...[...reported].filter((m) => !expected.has(m)).map((m) => `reported an unmarked line: ${m}`),
          ...[...known].filter((m) => reported.has(m)).map((m) => `known miss ${m} is now reported: remove it from known-misses.json`),
        ];
        assert.deepEqual(problems, [], `${scenario}/${rel}`);
      });
    }
  });
}
