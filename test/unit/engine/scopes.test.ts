// Scopes of the JS model: a name resolves to the declaration JavaScript would use (shadowing, hoisting, catch, for, imports).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveName } from '../../../server/src/engine/js/scopes';
import { parseWorker, ts } from '../../../server/src/engine/parse/worker';

/** Resolves the identifier marked by the last `probe(NAME)` call and returns the kind and line of its declaration. */
function resolveProbe(code: string): string {
  const model = parseWorker('/p/src/scopes-test.ts', code);
  const probe = [...model.calls].reverse().find((c) => ts.isIdentifier(c.expression) && c.expression.text === 'probe');
  assert.ok(probe && ts.isIdentifier(probe.arguments[0]!), 'the case calls probe(name)');
  const decl = resolveName(probe.arguments[0] as ts.Identifier);
  if (!decl) return 'global';
  return `${ts.SyntaxKind[decl.kind]}@${model.sf.getLineAndCharacterOfPosition(decl.getStart(model.sf)).line + 1}`;
}

describe('scopes', () => {
  it('an inner declaration shadows an outer one; the outer one is seen after the block', () => {
    assert.equal(resolveProbe('const ttl = 60;\nfunction f() {\n  const ttl = 10;\n  probe(ttl);\n}'), 'VariableDeclaration@3');
    assert.equal(resolveProbe('const ttl = 60;\n{\n  let ttl = 10;\n}\nprobe(ttl);'), 'VariableDeclaration@1');
  });
  it('parameters, destructured parameters and catch clauses', () => {
    assert.equal(resolveProbe('const ttl = 60;\nfunction f(ttl) {\n  probe(ttl);\n}'), 'Parameter@2');
    assert.equal(resolveProbe('function f({ ttl }) {\n  probe(ttl);\n}'), 'BindingElement@1');
    assert.equal(resolveProbe('const e = 1;\ntry { x(); } catch (e) {\n  probe(e);\n}'), 'VariableDeclaration@2');
  });
  it('var hoists out of blocks to the function; let does not', () => {
    assert.equal(resolveProbe('function f() {\n  if (x) {\n    var ttl = 10;\n  }\n  probe(ttl);\n}'), 'VariableDeclaration@3');
    assert.equal(resolveProbe('function f() {\n  if (x) {\n    let ttl = 10;\n  }\n  probe(ttl);\n}'), 'global');
  });
  it('for-of heads, function and class declarations, imports', () => {
    assert.equal(resolveProbe('for (const key of keys) {\n  probe(key);\n}'), 'VariableDeclaration@1');
    assert.equal(resolveProbe('function helper() {}\nprobe(helper);'), 'FunctionDeclaration@1');
    assert.equal(resolveProbe("import { put as write } from './kv';\nprobe(write);"), 'ImportSpecifier@1');
    assert.equal(resolveProbe("import * as kv from './kv';\nfunction f(kv) {\n  probe(kv);\n}"), 'Parameter@2');
  });
  it('a name used before a later shadowing declaration in another function is not confused with it', () => {
    assert.equal(resolveProbe('function a() {\n  const ttl = 10;\n}\nfunction b(ttl = 60) {\n  probe(ttl);\n}'), 'Parameter@4');
  });
});
