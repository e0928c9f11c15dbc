// The cloudflare-headers TextMate grammar, tokenized with vscode-textmate (VS Code's own engine): URL, header, detach,
// comment and Cache-Control directive scopes; the language configuration's comment syntax; package.json contributions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { before, describe, it } from 'node:test';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';

const GRAMMAR = 'syntaxes/cloudflare-headers.tmLanguage.json';

/** Scopes (last, most specific) of each token of a line, as `text=scope` strings. */
function tokens(grammar: IGrammar, line: string): string[] {
  return grammar.tokenizeLine(line, INITIAL).tokens
    .filter((t) => line.slice(t.startIndex, t.endIndex).trim() !== '')
    .map((t) => `${line.slice(t.startIndex, t.endIndex)}=${t.scopes.at(-1)}`);
}

describe('cloudflare-headers grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    const wasm = readFileSync(createRequire(__filename).resolve('vscode-oniguruma/release/onig.wasm'));
    await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
      loadGrammar: async () => parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR),
    });
    grammar = (await registry.loadGrammar('source.cloudflare-headers'))!;
  });

  it('URL lines with placeholders and splats', () => {
    assert.deepEqual(tokens(grammar, '/blog/:slug/*'), [
      '/blog/=entity.name.section.url.cloudflare-headers',
      ':slug=variable.parameter.placeholder.cloudflare-headers',
      '/=entity.name.section.url.cloudflare-headers',
      '*=keyword.operator.wildcard.cloudflare-headers',
    ]);
    assert.equal(tokens(grammar, 'https://example.com/*')[0], 'https://example.com/=entity.name.section.url.cloudflare-headers');
  });

  it('header lines, detach lines and comments', () => {
    assert.deepEqual(tokens(grammar, '  X-Frame-Options: DENY'), [
      'X-Frame-Options=support.type.property-name.header.cloudflare-headers',
      ':=punctuation.separator.key-value.cloudflare-headers',
      'DENY=string.unquoted.header-value.cloudflare-headers',
    ]);
    assert.deepEqual(tokens(grammar, '  ! Set-Cookie'), [
      '!=keyword.operator.detach.cloudflare-headers',
      'Set-Cookie=support.type.property-name.header.cloudflare-headers',
    ]);
    assert.deepEqual(tokens(grammar, '# edgelint-disable-next-line cc-syntax'), [
      '#=punctuation.definition.comment.cloudflare-headers',
      ' edgelint-disable-next-line cc-syntax=comment.line.number-sign.cloudflare-headers',
    ]);
  });

  it('Cache-Control values: directives, seconds, separators, and ";" marked invalid', () => {
    const t = tokens(grammar, '  Cache-Control: public; max-age=31536000, immutable');
    assert.ok(t.includes('public=keyword.other.directive.cache-control.cloudflare-headers'), t.join(' | '));
    assert.ok(t.includes(';=invalid.illegal.separator.cloudflare-headers'));
    assert.ok(t.includes('max-age=keyword.other.directive.cache-control.cloudflare-headers'));
    assert.ok(t.includes('31536000=constant.numeric.seconds.cloudflare-headers'));
    assert.ok(t.includes(',=punctuation.separator.list.cloudflare-headers'));
    assert.ok(tokens(grammar, '  cdn-cache-control: s-maxage=60').includes('s-maxage=keyword.other.directive.cache-control.cloudflare-headers'));
  });

  it('the language configuration uses # comments; package.json contributes language, grammar and resource-scoped settings', () => {
    const config = JSON.parse(readFileSync('syntaxes/headers-language-configuration.json', 'utf8'));
    assert.equal(config.comments.lineComment, '#');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.deepEqual(pkg.contributes.languages[0].filenames, ['_headers']);
    assert.equal(pkg.contributes.grammars[0].path, `./${GRAMMAR}`);
    for (const [key, setting] of Object.entries<any>(pkg.contributes.configuration.properties)) assert.equal(setting.scope, 'resource', key);
    assert.deepEqual(pkg.contributes.commands.map((c: any) => c.command).sort(), ['edgelint.fixAll', 'edgelint.openDocs', 'edgelint.restart', 'edgelint.showOutput']);
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/wrangler.{toml,json,jsonc}'));
    assert.equal(pkg.main, './dist/client.js');
  });
});
