// The one answer to "is this the client's request or its headers?" (engine/domain/fetch/client-credentials.ts), on each shape.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientHeaders, clientRequest } from '../../../server/src/engine/domain/fetch/client-credentials';
import { parseWorker, ts } from '../../../server/src/engine/parse/worker';

/** Asks `ask` about the argument of the last `probe(x)` call in `code`. */
function probe(code: string, ask: typeof clientRequest, path = '/p/src/index.ts'): string | undefined {
  const model = parseWorker(path, code);
  const call = [...model.calls].reverse().find((c) => ts.isIdentifier(c.expression) && c.expression.text === 'probe');
  assert.ok(call?.arguments[0], 'the case calls probe(x)');
  return ask(model, call.arguments[0], path.includes('/functions/'));
}

const inModule = (body: string) => `export default {\n  async fetch(request, env) {\n${body}\n  },\n};`;

describe('clientRequest', () => {
  it('the handler request, a const, a clone and copies that keep its headers', () => {
    assert.equal(probe(inModule('probe(request);'), clientRequest), 'request');
    assert.equal(probe(inModule('const r = request;\nprobe(r);'), clientRequest), 'r');
    assert.equal(probe(inModule('probe(request.clone());'), clientRequest), 'request.clone()');
    assert.equal(probe(inModule("probe(new Request('https://o.example', request));"), clientRequest), "new Request('https://o.example', request)");
    assert.equal(probe(inModule("probe(new Request(request, { method: 'GET' }));"), clientRequest), "new Request(request, { method: 'GET' })");
    assert.equal(probe(inModule("probe(new Request('https://o.example', { headers: request.headers }));"), clientRequest), "new Request('https://o.example', { headers: request.headers })");
  });
  it('not a Request built from the URL alone, or with headers of its own', () => {
    assert.equal(probe(inModule('probe(new Request(request.url));'), clientRequest), undefined);
    assert.equal(probe(inModule("probe(new Request(request, { headers: { Accept: 'text/html' } }));"), clientRequest), undefined);
    assert.equal(probe(inModule("probe(new Request('https://o.example/feed'));"), clientRequest), undefined);
  });
  it('helper parameters through local callers, itty-router handlers and Pages Functions', () => {
    const helper = 'async function go(req) {\n  probe(req);\n}\naddEventListener(\'fetch\', (event) => event.respondWith(go(event.request)));';
    assert.equal(probe(helper, clientRequest), 'req');
    assert.equal(probe('export async function go(req) {\n  probe(req);\n}', clientRequest), undefined);
    assert.equal(probe("import { AutoRouter } from 'itty-router';\nconst router = AutoRouter();\nrouter.get('/x', (request) => probe(request));", clientRequest), 'request');
    assert.equal(probe('export const onRequest = async ({ request }) => probe(request);', clientRequest, '/p/functions/api/x.ts'), 'request');
  });
});

describe('clientHeaders', () => {
  it('request.headers and new Headers(request.headers), also behind a const; not a fresh Headers', () => {
    assert.equal(probe(inModule('probe(request.headers);'), clientHeaders), 'request.headers');
    assert.equal(probe(inModule('const h = new Headers(request.headers);\nprobe(h);'), clientHeaders), 'request.headers');
    assert.equal(probe(inModule("probe(new Headers({ Accept: 'text/html' }));"), clientHeaders), undefined);
  });
});
