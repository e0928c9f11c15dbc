// explainCacheControl (hover facts: edge/browser TTL, stale behaviour, cache.put) and cacheControlAt (which value is under the cursor).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cacheControlAt } from '../../../server/src/engine/domain/cache-control/cc-site-at';
import { duration, explainCacheControl } from '../../../server/src/engine/explain-cache-control';
import { emptyFacts } from '../../../server/src/engine/project/facts';

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

  it('no TTL: the status-based defaults apply only without Cache-Control/Expires, so not to "public" alone (domain.md §0)', () => {
    for (const value of ['public', 'immutable']) {
      const e = explainCacheControl(value);
      assert.equal(e.edgeTtl, undefined);
      assert.ok(!has(e.edge, /uses its default edge TTL/), value);
      assert.ok(has(e.edge, /apply only when a response has no Cache-Control and no Expires at all, so they do not apply here/), value);
      assert.ok(has(e.edge, /zone cache 200\/206\/301: 120 min, 302\/303: 20 min, 404\/410: 3 min/), value);
      assert.ok(has(e.edge, /Workers Cache 200\/203\/204: 7,200 s, 300\/301: 1,200 s, 404\/410: 180 s, 405\/414\/501: 60 s, 302: not cached/), value);
    }
  });

  it('proxy-revalidate does not allow storing responses to requests with Authorization (RFC 9111 §3.5)', () => {
    const e = explainCacheControl('max-age=60, proxy-revalidate');
    assert.ok(!has(e.edge, /proxy-revalidate also lets Cloudflare store/));
    assert.ok(has(e.edge, /proxy-revalidate does not let a shared cache store responses to requests that carry Authorization/));
    assert.ok(has(explainCacheControl('max-age=60, proxy-revalidate, must-revalidate').edge, /must-revalidate also lets Cloudflare store/));
  });

  it('Always Online is mentioned for both stale directives', () => {
    const e = explainCacheControl('max-age=60, stale-while-revalidate=30, stale-if-error=600');
    assert.ok(has(e.stale, /revalidates in the background.*ignored when Always Online is on/));
    assert.ok(has(e.stale, /up to 600 s \(10 min\); ignored when Always Online is on/));
  });

  it('cache.put: the documented token form private=Set-Cookie; no-cache="Set-Cookie" is no Cache API exemption', () => {
    const plain = explainCacheControl('max-age=60');
    assert.ok(has(plain.cachePut, /unless Cache-Control has private=Set-Cookie\)/));
    assert.ok(!has(plain.cachePut, /private="Set-Cookie"/));
    assert.ok(has(explainCacheControl('max-age=60, private=Set-Cookie').cachePut, /private=Set-Cookie lets a response with Set-Cookie be stored/));
    assert.ok(has(explainCacheControl('max-age=60, no-cache="Set-Cookie"').cachePut, /no-cache="Set-Cookie" is documented only for Workers Cache/));
  });

  it('CDN headers: structured-field problems (whole field ignored, directive dropped, ";" parameter)', () => {
    assert.match(explainCacheControl('Max-Age=60', 'CDN-Cache-Control').warnings.join(' '), /uppercase.*ignores the whole header/);
    const param = explainCacheControl('public; max-age=60', 'cloudflare-cdn-cache-control').warnings.join(' ');
    assert.match(param, /"max-age=60" a parameter of "public"/);
    assert.doesNotMatch(param, /not a Cache-Control separator/);
    assert.match(explainCacheControl('max-age="60", public', 'CDN-Cache-Control').warnings.join(' '), /max-age="60": not a non-negative integer, so per RFC 9213 a cache drops this directive/);
    assert.equal(explainCacheControl('max-age=1.5', 'CDN-Cache-Control').directives[0]!.warning, undefined, 'no Cache-Control "rounds it down" note on a structured field');
    assert.deepEqual(explainCacheControl('max-age=60, public', 'CDN-Cache-Control').warnings, []);
  });

  it('context: says who reads the value; the stale-on-error default only where Workers Cache may read it', () => {
    const off = explainCacheControl('public, s-maxage=600', 'cache-control', 'worker-response');
    assert.ok(has(off.where, /Workers Cache is off for this Worker.*Cloudflare does not cache this response/));
    assert.ok(!has(off.stale, /stale copy on Worker errors/));
    const on = explainCacheControl('public, max-age=600', 'cache-control', 'workers-cache');
    assert.ok(has(on.where, /Workers Cache enabled/));
    assert.ok(has(on.stale, /^No stale-\* directives: Cloudflare serves a stale copy on Worker errors indefinitely/));
    assert.ok(has(explainCacheControl('public, max-age=600').stale, /with Workers Cache, Cloudflare serves a stale copy/));
    assert.ok(!has(explainCacheControl('public, max-age=600', 'cache-control', 'headers-file').stale, /stale copy on Worker errors/));
    assert.ok(has(explainCacheControl('max-age=60', 'cache-control', 'headers-file').where, /browser cache behaviour/));
    assert.ok(has(explainCacheControl('max-age=60', 'cache-control', 'cache-put').where, /stores responses with cache\.put/));
    assert.ok(has(explainCacheControl('no-cache', 'cache-control', 'subrequest').where, /request header on a fetch\(\) subrequest/));
  });

  it('flags duplicates (the last wins on Cloudflare), floats, quotes, unknown and request-only directives', () => {
    const e = explainCacheControl('max-age=60, max-age=1.5, s-max-age=10, only-if-cached, s-maxage="30"');
    assert.equal(e.edgeTtl, 30);
    assert.equal(e.browserTtl, 1);
    const [, second, unknown, requestOnly, quoted] = e.directives;
    assert.match(second!.warning!, /appears more than once/);
    assert.match(second!.warning!, /Cloudflare's open-source cache parser keeps the last/);
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

  it('knows the context as far as the file and the facts show', () => {
    const offset = code.indexOf('max-age');
    assert.equal(cacheControlAt('/p/src/index.ts', code, offset)!.context, undefined, 'no facts, no cache.put: unknown');
    assert.equal(cacheControlAt('/p/src/index.ts', code, offset, emptyFacts())!.context, 'worker-response');
    assert.equal(cacheControlAt('/p/src/index.ts', code, offset, { ...emptyFacts(), cacheEnabled: true })!.context, 'workers-cache');
    const put = `${code}async function save(req, res) { await caches.default.put(new Request(req.url), res); }\n`;
    assert.equal(cacheControlAt('/p/src/index.ts', put, offset)!.context, 'cache-put');
    const sub = "export default { fetch: () => fetch('https://o.example', { headers: { 'Cache-Control': 'no-cache' } }) };";
    assert.equal(cacheControlAt('/p/src/index.ts', sub, sub.indexOf('no-cache'))!.context, 'subrequest');
    assert.equal(cacheControlAt('/p/public/_headers', '/*\n  Cache-Control: max-age=60\n', 20)!.context, 'headers-file');
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
