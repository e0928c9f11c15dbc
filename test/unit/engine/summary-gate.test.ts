// The module-summary gate never hides a summary: for every JS/TS file of test/fixtures, examples/ and test/corpus, a
// module whose parsed summary says anything (KV-typed names, helpers, classes) passes `mayHaveSummary` on its text, and
// the gate really rules out modules without KV traces (so a failing gate would show here).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileKind } from '../../../server/src/engine/file-kind';
import { parseWorker } from '../../../server/src/engine/parse/worker';
import { mayHaveSummary } from '../../../server/src/engine/project/modules';
import { summariseModule } from '../../../server/src/engine/project/summaries';
import { diskProject } from '../../harness/inline-markers';

const FOLDERS = ['test/fixtures', 'examples', 'test/corpus'];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? sourcesUnder(path) : fileKind(path) === 'worker' ? [resolve(path)] : [];
  });
}

describe('module summary gate', () => {
  const project = diskProject();
  const files = FOLDERS.flatMap(sourcesUnder).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const said = (path: string, text: string) => {
    const summary = summariseModule(parseWorker(path, text), project.factsFor(path));
    return summary.kvTypedNames.size + summary.functions.size + summary.classes.size > 0;
  };

  it('admits every module whose summary says something', () => {
    const hidden = files.filter(({ path, text }) => said(path, text) && !mayHaveSummary(text, project.factsFor(path))).map((f) => f.path);
    assert.deepEqual(hidden, []);
  });

  it('has evidence on both sides: modules with summaries, and modules the gate rules out', () => {
    assert.ok(files.filter(({ path, text }) => said(path, text)).length >= 10);
    assert.ok(files.filter(({ path, text }) => !mayHaveSummary(text, project.factsFor(path))).length >= 3);
  });

  it('rules out a module with helpers but no KV trace, and admits the same module once it types a KVNamespace', () => {
    const path = resolve('test/fixtures/__gate__/helpers.ts');
    const plain = 'export function load(store, key) { return store.lookup(key); }\n';
    assert.equal(mayHaveSummary(plain, project.factsFor(path)), false);
    assert.equal(mayHaveSummary(`${plain}export function typed(kv: KVNamespace) { return kv.get('k', { cacheTtl: 60 }); }\n`, project.factsFor(path)), true);
  });
});
