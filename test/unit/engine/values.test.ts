// Value analysis: request-input taint (body, query, headers, route params; through conversions, consts and
// destructuring) and constant candidates (ternary branches, `??`/`||` fallbacks, Math.min, class fields).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numberCandidates } from '../../../server/src/engine/domain/kv/kv-ttl';
import { requestInput } from '../../../server/src/engine/js/request-input';
import { parseWorker, ts } from '../../../server/src/engine/parse/worker';

/** Parses `code` and returns the initializer of the last `const probe = …`. */
function probe(code: string) {
  const model = parseWorker('/p/src/values-test.ts', code);
  const decl = findProbe(model.sf);
  assert.ok(decl, 'the case declares `probe`');
  return { model, expr: decl };
}

function findProbe(sf: ts.SourceFile): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === 'probe' && node.initializer) found = node.initializer;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const input = (code: string) => {
  const { model, expr } = probe(code);
  return requestInput(expr, model)?.source;
};

describe('request input', () => {
  const cases: [string, string | undefined][] = [
    ["async function f(request) { const body = await request.json(); const probe = Number(body.ttl); }", 'the request body'],
    ["async function f(request) { const { ttl } = await request.json(); const probe = ttl; }", 'ttl from the request body'],
    ["function f(request) { const probe = parseInt(request.headers.get('x-cache-ttl') || '60'); }", 'the request header x-cache-ttl'],
    ["function f(request) { const url = new URL(request.url); const probe = Number(url.searchParams.get('ttl')); }", 'the query parameter ttl'],
    ["function f(request) { const probe = parseInt(new URL(request.url).searchParams.get('ttl') || '3600'); }", 'the query parameter ttl'],
    ["app.get('/', (c) => { const probe = Number(c.req.query('ttl') ?? 3600); });", 'the query parameter ttl'],
    ["app.get('/', (c) => { const probe = parseInt(c.req.header('x-ttl')); });", 'the header x-ttl'],
    ["export async function onRequest({ params }) { const probe = Number(params.ttl); }", 'the route parameter ttl'],
    ["async function f(event) { const form = await event.request.formData(); const probe = Math.floor(Number(form.get('ttl'))); }", 'the request body'],
    ["function f(request) { const h = request.headers.get('x-ttl'); const probe = h ? parseInt(h) : 30; }", 'the request header x-ttl'],
    // Not request input.
    ["function f(env) { const probe = Number(env.DEFAULT_TTL); }", undefined],
    ["function f(request) { const probe = Math.max(60, Number(request.headers.get('x-ttl'))); }", undefined],
    ["async function f(res) { const data = await res.json(); const probe = data.ttl; }", undefined],
    ["function f(cache) { const probe = cache.get('ttl'); }", undefined],
  ];
  for (const [code, expected] of cases) it(code, () => assert.equal(input(code), expected));
});

describe('constant candidates', () => {
  const values = (code: string) => {
    const { model, expr } = probe(code);
    return numberCandidates(expr, model).map((c) => c.value);
  };
  it('ternary branches through a const', () => assert.deepEqual(values('function f(h) { const ttl = h ? parseInt(h) : 20; const probe = ttl; }'), [20]));
  it('`??` and `||` fallbacks', () => {
    assert.deepEqual(values('function f(o) { const probe = o.ttl ?? 10; }'), [10]);
    assert.deepEqual(values('function f(o) { const probe = o.ttl || 45; }'), [45]);
  });
  it('Math.min gives its smallest constant as an upper bound', () => assert.deepEqual(values('function f(t) { const probe = Math.min(t, 3600, 10); }'), [10]));
  it('class fields assigned in the same class', () => {
    const code = 'class A { constructor(f) { this.period = f ? 10 : 60; } read() { const probe = this.period; } }\nclass B { constructor() { this.period = 5; } }';
    assert.deepEqual(values(code), [10, 60]);
  });
  it('unknown values have no candidates', () => assert.deepEqual(values('function f(t) { const probe = t * 2; }'), []));
});
