// Unit tests for the own Cache-Control parser: members, arguments, separators and ranges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCacheControl } from '../../../server/src/engine/parse/cache-control';
import { suggestDirective } from '../../../server/src/engine/parse/cache-control-directives';

describe('parseCacheControl', () => {
  it('parses directives, arguments and ranges', () => {
    const p = parseCacheControl('public, max-age=60, no-cache="Set-Cookie"');
    assert.deepEqual(p.directives.map((d) => [d.key, d.value, d.quoted]), [['public', undefined, false], ['max-age', '60', false], ['no-cache', 'Set-Cookie', true]]);
    const maxAge = p.directives[1]!;
    assert.equal(p.text.slice(maxAge.start, maxAge.end), 'max-age=60');
    assert.equal(p.text.slice(maxAge.valueStart, maxAge.valueEnd), '60');
    assert.deepEqual(p.separators.map((s) => s.char), [',', ',']);
    assert.deepEqual(p.emptyMembers, []);
  });
  it('accepts ; as a separator and records it', () => {
    const p = parseCacheControl('public; max-age=31536000; immutable');
    assert.deepEqual(p.directives.map((d) => d.key), ['public', 'max-age', 'immutable']);
    assert.deepEqual(p.separators.map((s) => [s.char, s.start]), [[';', 6], [';', 24]]);
  });
  it('records : used as assignment and spaces around =', () => {
    const colon = parseCacheControl('max-age:0').directives[0]!;
    assert.equal(colon.assign?.char, ':');
    assert.equal(colon.value, '0');
    const spaced = parseCacheControl('max-age = 60').directives[0]!;
    assert.equal(spaced.name, 'max-age');
    assert.equal(spaced.assign?.spaced, true);
    assert.equal(spaced.value, '60');
  });
  it('keeps commas inside quotes and flags unterminated quotes', () => {
    const p = parseCacheControl('private="Set-Cookie, Authorization", max-age=0');
    assert.equal(p.directives.length, 2);
    assert.equal(p.directives[0]!.value, 'Set-Cookie, Authorization');
    assert.equal(parseCacheControl('no-cache="Set-Cookie').directives[0]!.unterminatedQuote, true);
  });
  it('records empty members and is case-insensitive on names', () => {
    const p = parseCacheControl('Public,, Max-Age=5,');
    assert.deepEqual(p.directives.map((d) => d.key), ['public', 'max-age']);
    assert.equal(p.emptyMembers.length, 2);
    assert.deepEqual(parseCacheControl('').directives, []);
  });
  it('suggests known directives for misspellings only', () => {
    assert.equal(suggestDirective('max_age'), 'max-age');
    assert.equal(suggestDirective('s-max-age'), 's-maxage');
    assert.equal(suggestDirective('stale-while-revalidation'), 'stale-while-revalidate');
    assert.equal(suggestDirective('x-vendor-thing'), undefined);
  });
});
