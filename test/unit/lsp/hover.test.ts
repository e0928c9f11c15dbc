// Hover over a real stdio connection: Cache-Control values in code and _headers explain each directive and the edge/browser behaviour.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HEADERS, startSession, WORKER, type Session } from './fixtures';

function positionOf(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

describe('hover', () => {
  let s: Session;
  const CDN = "export default { fetch: () => new Response('', { headers: { 'CDN-Cache-Control': 'max-age=600, stale-while-revalidate=60', 'X-Other': 'max-age=1' } }) };\n";
  before(async () => { s = await startSession({ files: { 'src/cdn.js': CDN } }); });
  after(() => s.dispose());

  const hover = (rel: string, position: { line: number; character: number }) =>
    s.client.request('textDocument/hover', { textDocument: { uri: s.project.uri(rel) }, position });

  it('on a directive in code: Markdown with every directive, the focused one in bold, and the edge/browser/cache.put summary', async () => {
    s.open('src/index.ts');
    const at = positionOf(WORKER, 'max-age=60', 3);
    const result = await hover('src/index.ts', at);
    assert.equal(result.contents.kind, 'markdown');
    const md: string = result.contents.value;
    assert.match(md, /^\*\*Cache-Control\*\* `public; max-age=60`/);
    assert.match(md, /- `public`: /);
    assert.match(md, /- \*\*`max-age=60`\*\*: Fresh for 60 s \(1 min\) in browsers/);
    assert.match(md, /⚠️ ";" is not a Cache-Control separator/);
    assert.match(md, /\*\*Cloudflare edge:\*\* .*Edge TTL 60 s \(1 min\) from max-age/);
    assert.match(md, /\*\*Browser:\*\* Browser TTL 60 s/);
    assert.match(md, /\*\*Workers Cache API:\*\* cache\.put would store it for 60 s/);
    const start = positionOf(WORKER, 'max-age=60');
    assert.deepEqual(result.range, { start, end: { line: start.line, character: start.character + 'max-age=60'.length } });
  });

  it('on CDN-Cache-Control: browsers ignore it; other headers and other strings have no hover', async () => {
    s.open('src/cdn.js');
    const md: string = (await hover('src/cdn.js', positionOf(CDN, 'max-age=600', 1))).contents.value;
    assert.match(md, /^\*\*CDN-Cache-Control\*\*/);
    assert.match(md, /Browsers ignore CDN-Cache-Control/);
    assert.match(md, /stale copy for up to 60 s/);
    // The server passes the project facts: this project's wrangler.toml has no cache.enabled.
    assert.match(md, /\*\*Where it is read:\*\* Workers Cache is off for this Worker.*this header only matters to downstream CDNs/);
    assert.equal(await hover('src/cdn.js', positionOf(CDN, "max-age=1'", 1)), null);
    assert.equal(await hover('src/cdn.js', positionOf(CDN, 'fetch')), null);
  });

  it('in _headers: explains immutable and the one-year TTL', async () => {
    s.open('public/_headers');
    const result = await hover('public/_headers', positionOf(HEADERS, 'immutable', 2));
    const md: string = result.contents.value;
    assert.match(md, /- \*\*`immutable`\*\*/);
    assert.match(md, /immutable has no effect on Cloudflare's cache/);
    assert.match(md, /31,536,000 s \(1 y\)/);
    assert.match(md, /\*\*Where it is read:\*\* \\_headers values are documented as browser cache behaviour/);
  });

  it('on a reported problem: the rule\'s one-line why and a link to its doc, after the Cache-Control explanation if any', async () => {
    s.open('src/index.ts');
    const ttl = await hover('src/index.ts', positionOf(WORKER, 'cacheTtl: 10', 'cacheTtl: '.length));
    assert.match(ttl.contents.value, /^\*\*kv-cachettl-below-minimum\*\*: .*30.*\(\[why and how to fix\]\(https:\/\/\S+\/docs\/rules\/kv-cachettl-below-minimum\.md\)\)$/);
    const start = positionOf(WORKER, 'cacheTtl: 10', 'cacheTtl: '.length);
    assert.deepEqual(ttl.range, { start, end: { line: start.line, character: start.character + 2 } });
    const semicolon: string = (await hover('src/index.ts', positionOf(WORKER, 'public;', 'public'.length))).contents.value;
    assert.match(semicolon, /^\*\*Cache-Control\*\* `public; max-age=60`[\s\S]*\n---\n\n\*\*cc-syntax\*\*: /);
    assert.doesNotMatch(semicolon, /kv-cachettl-below-minimum/, 'only the rules reported at the position');
  });

  it('is null on files that are not open or not Worker/_headers files', async () => {
    assert.equal(await hover('src/never-opened.ts', { line: 0, character: 0 }), null);
    s.open('wrangler.toml');
    assert.equal(await hover('wrangler.toml', { line: 0, character: 3 }), null);
  });
});
