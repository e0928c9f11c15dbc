// The text-level KV evidence (kv-text-evidence.ts): a KV-shaped `get(key, …)` is recognised in every way the binding
// resolver's `kvShapedCall` can see it, and common non-KV `.get()` calls (Map, Headers, URLSearchParams) are not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayCallShapedGet, mayUseKv } from '../../../server/src/engine/domain/kv/kv-text-evidence';
import { emptyFacts } from '../../../server/src/engine/project/facts';

const shaped = [
  "const v = await env.STORE.get(key, 'json');",
  'const v = await env.STORE.get(key, { type: "json" });',
  'const v = await env.STORE.get(`user:${id}`, { type });',
  'const v = await env.STORE.get<User>(keyFor(a, b(c)), "arrayBuffer");',
  'const v = await env.STORE.get(key, json ? { type: "json" } : {});',
  "const OPTS = { type: 'text' };\nconst v = await env.STORE.get(key, OPTS);",
  "const T = 'stream';\nconst v = await env.STORE.get(key, T);",
  "const base = { type: 'json' };\nconst v = await env.STORE.get(key, { ...base });",
  'const v = await env.STORE.get("a)b", "json");',
  "const v = await env.STORE.get(key, // the value's type\n  'json');",
];

const plain = [
  'const user = users.get(id);',
  "const auth = request.headers.get('authorization');\nconst type = 'json';",
  "const page = url.searchParams.get('page');\nconst body = JSON.stringify({ type: 'json' });",
  "const v = map.get(key, 'fallback');\nconst text = 'json';",
  'const v = cache.get(key, { maxAge: 60 });\nconst kind = { type: "json" };',
];

describe('KV text evidence', () => {
  for (const code of shaped) {
    it(`sees a KV-shaped get: ${code.split('\n').at(-1)}`, () => {
      assert.equal(mayCallShapedGet(code), true);
      assert.equal(mayUseKv(code, emptyFacts()), true);
    });
  }
  for (const code of plain) {
    it(`sees no KV shape in: ${code.split('\n')[0]}`, () => {
      assert.equal(mayCallShapedGet(code), false);
      assert.equal(mayUseKv(code, emptyFacts()), false);
    });
  }
  it('decides on the whole text when a call does not close', () => {
    assert.equal(mayCallShapedGet("env.STORE.get(key, 'json'"), true);
    assert.equal(mayCallShapedGet('users.get(id'), false);
  });
});
