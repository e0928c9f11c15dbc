// Meta test: the LANGUAGES table is the one source of file kinds; the LSP watchers, the VS Code client's document selector
// and package.json (activationEvents, contributes.languages) must match what it derives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DOCUMENT_SELECTOR_DATA } from '../../../client/src/selector';
import { activationEvents, documentSelector, LANGUAGES, watchedGlobs } from '../../../server/src/engine/languages';
import { WATCHED_GLOBS } from '../../../server/src/lsp/watchers';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

describe('LANGUAGES table and the editor side', () => {
  it('has one entry per kind, each with a parser, comments and editor globs', () => {
    const kinds = LANGUAGES.map((l) => l.kind);
    assert.deepEqual([...kinds].sort(), ['edgelint-config', 'headers', 'package', 'shell', 'worker', 'workflow', 'wrangler']);
    for (const language of LANGUAGES) {
      assert.equal(typeof language.parse, 'function', language.kind);
      assert.ok(language.editor.selectorLanguages.length + language.editor.selectorGlobs.length > 0, `${language.kind}: the client must open it`);
    }
  });
  it('the language server watches the derived globs', () => {
    assert.deepEqual(WATCHED_GLOBS, watchedGlobs());
  });
  it('client/src/selector.ts is the derived document selector', () => {
    assert.deepEqual(DOCUMENT_SELECTOR_DATA, documentSelector());
  });
  it('package.json activationEvents are the derived ones (in order)', () => {
    assert.deepEqual(manifest.activationEvents, activationEvents());
  });
  it('package.json contributes the languages the table declares, with the same file names', () => {
    const contributed = LANGUAGES.flatMap((l) => (l.editor.contributes ? [l.editor.contributes] : []));
    assert.ok(contributed.length > 0);
    for (const { id, filenames } of contributed) {
      const entry = manifest.contributes.languages.find((l: { id: string }) => l.id === id);
      assert.ok(entry, `contributes.languages has no "${id}"`);
      assert.deepEqual(entry.filenames, filenames);
    }
    assert.equal(manifest.contributes.languages.length, contributed.length, 'no contributed language outside the table');
  });
});
