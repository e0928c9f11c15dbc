// explainCacheControl (hover facts: edge/browser TTL, stale behaviour, cache.put) and cacheControlAt (which value is under the cursor).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cacheControlAt } from '../../../server/src/engine/domain/cache-control/cc-site-at';
import { duration, explainCacheControl } from '../../../server/src/engine/explain-cache-control';

const has = (lines: string[], pattern: RegExp) => lines.some((line) => pattern.test(line));

describe('explainCacheControl', () => {
  it('max-age alone: same TTL at the edge and in the browser, stored by cache.put', () => {
    const e = explainCacheControl('public, max-age=60');
    assert.equal(e.edgeTtl, 60);
    assert.equal(e.browserTtl, 60);
    assert.equal(e.storedByEdge, true);
    assert.equal(e.storedByCachePut, true);
    assert.equal(e.staleDisabled, false);
    assert.deepEqual(e.directives.map((d) => d.key), ['public', 'max-age']);
    assert.ok(has(e.edge, /Edge TTL 60 s \(1 min\) from max-age/));
    assert.ok(has(e.cachePut, /cache\.put would store it for 60 s/));
    assert.deepEqual(e.warnings, []);
    assert.match(e.directives[1]!.meaning, /^Fresh for 60 s \(1 min\) in browsers/, 'N seconds replaced by the value');
  });

  it('s-maxage wins at the edge, browsers keep max-age, and stale serving is disabled', () => {
    const e = explainCacheControl('public, max-age=60, s-maxage=3600, stale-while-revalidate=30');
    assert.equal(e.edgeTtl, 3600);
    assert.equal(e.browserTtl, 60);
    assert.equal(e.staleDisabled, true);
    assert.ok(has(e.edge, /s-maxage overrides max-age/));
    assert.ok(has(e.browser, /browsers ignore s-maxage/));
    assert.ok(has(e.stale, /stale-while-revalidate=30 is ignored: s-maxage disables stale serving/));
    assert.ok(has(e.cachePut, /not supported by cache\.put/));
  });

  it('must-revalidate disables stale-while-revalidate and stale-if-error', () => {
    const e = explainCacheControl('max-age=60, must-revalidate, stale-while-revalidate=30, stale-if-error=600');
    assert.equal(e.staleDisabled, true);
    assert.ok(has(e.stale, /stale-while-revalidate=30 is ignored: must-revalidate/));
    assert.ok(has(e.stale, /stale-if-error=600 is ignored because of must-revalidate/));
  });

  it('stale-while-revalidate without blockers is served for its window', () => {
    const e = explainCacheControl('max-age=60, stale-while-revalidate=86400');
    assert.ok(has(e.stale, /stale copy for up to 86,400 s \(1 d\)/));
  });

  it('private and no-store are not stored at the edge nor by cache.put', () => {
    for (const value of ['private, max-age=600', 'no-store']) {
      const e = explainCacheControl(value);
      assert.equal(e.storedByEdge, false, value);
      assert.equal(e.storedByCachePut, false, value);
      assert.ok(has(e.cachePut, /would NOT store it/), value);
    }
    assert.equal(explainCacheControl('private, max-age=600').browserTtl, 600);
    assert.equal(explainCacheControl('no-store').browserTtl, undefined);
  });

  it('no-cache is stored but revalidated; cache.put does not store it', () => {
    const e = explainCacheControl('no-cache');
    assert.equal(e.storedByEdge, true);
    assert.equal(e.storedByCachePut, false);
    assert.ok(has(e.edge, /revalidated before every use/));
    assert.ok(has(e.cachePut, /\(no-cache\)/));
  });

  it('max-age=0 is not stored by cache.put unless s-maxage gives the edge a TTL', () => {
    assert.equal(explainCacheControl('max-age=0').storedByCachePut, false);
    const e = explainCacheControl('max-age=0, s-maxage=600');
    assert.equal(e.edgeTtl, 600);
    assert.equal(e.storedByCachePut, true);
  });

  it('qualified private/no-cache keep only the listed headers out; private="Set-Cookie" allows storing', () => {
    const e = explainCacheControl('max-age=60, private="Set-Cookie"');
    assert.equal(e.storedByEdge, true);
    assert.ok(has(e.edge, /private="Set-Cookie": the listed headers are not stored/));
    assert.ok(has(e.cachePut, /lets a response with Set-Cookie be stored/));
  });

  it('CDN-Cache-Control and Cloudflare-CDN-Cache-Control are ignored by browsers', () => {
    const cdn = explainCacheControl('max-age=600', 'CDN-Cache-Control');
    assert.equal(cdn.header, 'cdn-cache-control');
    assert.equal(cdn.edgeTtl, 600);
    assert.equal(cdn.browserTtl, undefined);
    assert.ok(has(cdn.browser, /Browsers ignore CDN-Cache-Control/));
    assert.ok(has(cdn.edge, /forwarded downstream/));
    const cf = explainCacheControl('max-age=600', 'cloudflare-cdn-cache-control');
    assert.ok(has(cf.edge, /strips it/));
  });

  it('no TTL: explains the zone-cache and Workers Cache defaults', () => {
    const e = explainCacheControl('public');
    assert.equal(e.edgeTtl, undefined);
    assert.ok(has(e.edge, /default edge TTL/));
    assert.ok(has(e.edge, /7,200 s/));
  });

  it('flags duplicates (the last wins on Cloudflare), floats, quotes, unknown and request-only directives', () => {
    const e = explainCacheControl('max-age=60, max-age=1.5, s-max-age=10, only-if-cached, s-maxage="30"');
    assert.equal(e.edgeTtl, 30);
    assert.equal(e.browserTtl, 1);
    const [, second, unknown, requestOnly, quoted] = e.directives;
    assert.match(second!.warning!, /appears more than once/);
    assert.match(second!.warning!, /rounds it down to 1/);
    assert.match(unknown!.meaning, /Unknown directive/);
    assert.match(unknown!.warning!, /Did you mean s-maxage\?/);
    assert.match(requestOnly!.warning!, /Request-only/);
    assert.match(quoted!.warning!, /must not quote/);
  });

  it('a number that is not one counts as absent', () => {
    const e = explainCacheControl('max-age=1h');
    assert.equal(e.edgeTtl, undefined);
    assert.match(e.directives[0]!.warning!, /not a number of seconds/);
  });

  it('warns about ";" separators and stray commas', () => {
    assert.match(explainCacheControl('public; max-age=60').warnings[0]!, /";" is not a Cache-Control separator/);
    assert.match(explainCacheControl('public,, max-age=60').warnings[0]!, /Stray comma/);
  });

  it('duration() formats seconds with a readable unit', () => {
    assert.equal(duration(0), '0 s');
    assert.equal(duration(59), '59 s');
    assert.equal(duration(3600), '3,600 s (1 h)');
    assert.equal(duration(31536000), '31,536,000 s (1 y)');
    assert.equal(duration(5400), '5,400 s (90 min)');
    assert.equal(duration(5401), '5,401 s (about 1.5 h)');
  });
});

describe('cacheControlAt', () => {
  const code = "export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public, max-age=60', 'Content-Type': 'text/plain' } }); } };\n";

  it('finds the value and the directive under the cursor in Worker code', () => {
    const at = cacheControlAt('/p/src/index.ts', code, code.indexOf('max-age') + 2)!;
    assert.ok(at);
    assert.equal(at.site.header, 'cache-control');
    assert.equal(at.site.value, 'public, max-age=60');
    assert.equal(code.slice(at.directiveStart, at.directiveEnd), 'max-age=60');
  });

  it('the cursor on the ";" after a directive is on the value but on no directive', () => {
    const text = code.replace('public, max-age=60', 'public; max-age=60');
    const at = cacheControlAt('/p/src/index.ts', text, text.indexOf(';'))!;
    assert.equal(at.site.value, 'public; max-age=60');
    assert.equal(at.directive, undefined);
  });

  it('is undefined elsewhere: other strings, other file kinds', () => {
    assert.equal(cacheControlAt('/p/src/index.ts', code, code.indexOf('text/plain')), undefined);
    assert.equal(cacheControlAt('/p/wrangler.toml', 'name = "cache-control"\n', 10), undefined);
  });

  it('finds values in _headers files', () => {
    const text = '/static/*\n  Cache-Control: public, max-age=31536000, immutable\n  CDN-Cache-Control: max-age=60\n';
    const at = cacheControlAt('/p/public/_headers', text, text.indexOf('immutable') + 1)!;
    assert.equal(at.site.header, 'cache-control');
    assert.equal(text.slice(at.directiveStart, at.directiveEnd), 'immutable');
    const cdn = cacheControlAt('/p/public/_headers', text, text.lastIndexOf('max-age=60') + 1)!;
    assert.equal(cdn.site.header, 'cdn-cache-control');
  });
});
