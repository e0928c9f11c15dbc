// Shared filter text tests (engine/filters/text-tests.ts): the memo answers per text, never for a previous one, and the
// literal prechecks keep the regexes' answers for the casings code uses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callsGet, callsPut, memoTest, mentionsCacheControl, mentionsCacheTtl } from '../../../server/src/engine/filters/text-tests';

describe('shared filter text tests', () => {
  it('answer for the text asked about, also when texts alternate (as keystrokes do)', () => {
    const a = "headers.set('Cache-Control', 'no-store');";
    const b = "headers.set('X-Frame-Options', 'DENY');";
    for (let i = 0; i < 3; i++) {
      assert.equal(mentionsCacheControl(a), true);
      assert.equal(mentionsCacheControl(b), false);
    }
  });

  it('compute a key once per text', () => {
    let calls = 0;
    const text = 'const x = 1;';
    for (let i = 0; i < 5; i++) memoTest(text, 'counted', () => ++calls > 0);
    assert.equal(calls, 1);
    memoTest(`${text} `, 'counted', () => ++calls > 0);
    assert.equal(calls, 2);
  });

  it('recognise the usual casings and shapes', () => {
    for (const text of ['Cache-Control', 'cache-control', 'CACHE-CONTROL', 'cacheControl', 'CDN-Cache-Control']) assert.equal(mentionsCacheControl(`h['${text}']`), true, text);
    assert.equal(mentionsCacheControl('control flow'), false);
    assert.equal(callsPut('await env.KV.put (key, value)'), true);
    assert.equal(callsPut('const put = 1; output(put)'), false);
    assert.equal(callsGet('kv.get<User>(key)'), true);
    assert.equal(callsGet('kv.getWithMetadata(key)'), true);
    assert.equal(callsGet('const getter = obj.getter;'), false);
    assert.equal(mentionsCacheTtl('cf: { cacheTtlByStatus: {} }'), true);
    assert.equal(mentionsCacheTtl('cf: { cacheTtlx: 1 }'), false);
  });
});
