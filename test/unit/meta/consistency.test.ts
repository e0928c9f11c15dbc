// Meta tests: registry <-> rule files <-> docs <-> tests <-> README table; version <-> CHANGELOG; engine purity; file hygiene.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../../server/src/rules';
import { currentRuleTable, ruleTable, withSeverityRow } from '../../harness/rule-table';

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const ids = allRules.map((r) => r.id);
const ruleFiles = walk('server/src/rules').filter((f) => f.endsWith('.ts') && basename(f) !== 'index.ts');

describe('rule registry', () => {
  it('is sorted by id and has no duplicates', () => {
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
  });
  it('has exactly one rule file per rule, named after its id', () => {
    assert.deepEqual(ruleFiles.map((f) => basename(f, '.ts')).sort(), [...ids].sort());
  });
  it('has a doc and a test file per rule, and nothing extra', () => {
    assert.deepEqual(readdirSync('docs/rules').map((f) => basename(f, '.md')).sort(), [...ids].sort());
    assert.deepEqual(readdirSync('test/unit/rules').map((f) => basename(f, '.test.ts')).sort(), [...ids].sort());
  });
  it('ids use a catalogue area prefix', () => {
    for (const id of ids) assert.match(id, /^(kv|cc|cdn-cc|cache|cf|workers-cache|wrangler|headers|hono|cors|response)-[a-z0-9-]+$/);
  });
  it('each rule declares its messages and a description', () => {
    for (const rule of allRules) {
      assert.ok(rule.description.length > 10, rule.id);
      assert.ok(Object.keys(rule.messages).length > 0, rule.id);
      assert.ok(rule.kinds.length > 0, rule.id);
    }
  });
});

describe('README', () => {
  it('rule table matches the registry (run `npx tsx scripts/update-readme.ts`)', () => {
    assert.equal(currentRuleTable(readFileSync('README.md', 'utf8')), ruleTable());
  });
  it('each rule doc states which messages are at which severity when there are several (run `npx tsx scripts/update-readme.ts`)', () => {
    for (const rule of allRules) {
      const doc = readFileSync(`docs/rules/${rule.id}.md`, 'utf8');
      assert.equal(doc, withSeverityRow(doc, rule), rule.id);
    }
  });
  it('shows the two commands', () => {
    const readme = readFileSync('README.md', 'utf8');
    assert.match(readme, /npm install && npm start/);
    assert.match(readme, /npm test/);
  });
});

describe('versioning', () => {
  it('package.json version is the top released CHANGELOG entry (an "Unreleased" section may come first)', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    const changelog = readFileSync('CHANGELOG.md', 'utf8');
    const top = /^## (?!Unreleased\b)(\S+)/m.exec(changelog)?.[1];
    assert.equal(top, version);
    // An "Unreleased" section may only sit above the top release.
    const unreleased = changelog.search(/^## Unreleased\b/m);
    assert.ok(unreleased === -1 || unreleased < changelog.search(/^## (?!Unreleased\b)/m), 'the Unreleased section must be the first entry');
  });
});

describe('engine purity', () => {
  const pure = [...walk('server/src/engine'), ...walk('server/src/rules')].filter((f) => f.endsWith('.ts'));
  it('engine and rules import no editor, LSP, CLI, fs or process code', () => {
    const forbidden = /from ['"](vscode[^'"]*|node:fs|fs|node:child_process|child_process|node:process|[^'"]*\/(lsp|cli|node-io)\/[^'"]*)['"]/;
    for (const file of pure) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, forbidden, file);
      assert.doesNotMatch(text, /\bprocess\.(env|argv|cwd|exit)/, file);
    }
  });
});

describe('source hygiene', () => {
  const sources = ['server/src', 'client/src', 'test/harness', 'test/unit'].flatMap((d) => { try { return walk(d); } catch { return []; } }).filter((f) => f.endsWith('.ts'));
  it('every source file starts with a one-line purpose comment', () => {
    for (const file of sources) assert.match(readFileSync(file, 'utf8'), /^\/\/ \S/, file);
  });
  it('no source file is over 400 lines', () => {
    for (const file of sources) assert.ok(readFileSync(file, 'utf8').split('\n').length <= 400, file);
  });
});
