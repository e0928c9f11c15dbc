// Scaling tests: linting 16× the input must cost far less than 16² × the time (quadratic algorithms fail, linear pass).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Rule } from '../../../server/src/engine/define-rule';
import { fixFile, lintFile } from '../../../server/src/engine/linter';
import { allRules } from '../../../server/src/rules/index';
import { bestTime, MAX_RATIO } from '../../harness/timing';

/** Ratio of the time for 16× the input to the time for 1×, both measured in this test (bound: MAX_RATIO, harness/timing.ts). */
export function scalingRatio(build: (n: number) => string, path: string, rules: readonly Rule[], n: number, fix = false): number {
  const lint = (text: string) => () => { if (fix) fixFile({ path, text, rules }); else lintFile({ path, text, rules }); };
  const small = build(n);
  const large = build(16 * n);
  // Warm up on both sizes first: a cold JIT makes the small run look slow and the ratio look better or worse at random.
  lint(large)();
  lint(small)();
  return bestTime(lint(large)) / Math.max(bestTime(lint(small)), 1);
}

const rule = (id: string) => allRules.filter((r) => r.id === id);

/** `n` blocks that each fetch, put and return their own `res`. */
function putBlocks(n: number): string {
  let text = 'export default {\n  async fetch(request, env, ctx) {\n    const cache = caches.default;\n    const url = new URL(request.url);\n';
  for (let i = 0; i < n; i++) {
    text += `    if (url.pathname === '/p${i}') {\n      const res = new Response('x', { headers: { 'Cache-Control': 'max-age=${i}' } });\n`
      + `      res.headers.set('X-Block', '${i}');\n      await cache.put(request, res);\n      return res;\n    }\n`;
  }
  return `${text}    return fetch(request);\n  },\n};\n`;
}

describe('linear time in the number of put/return blocks', () => {
  for (const id of ['cache-put-body-reuse', 'cache-put-uncacheable']) {
    it(`${id}: 16× the blocks costs well under 16² × the time`, () => {
      const ratio = scalingRatio(putBlocks, '/p/src/index.ts', rule(id), 40);
      assert.ok(ratio < MAX_RATIO, `${id}: 16× input took ${ratio.toFixed(1)}× the time`);
    });
  }
  it('still reports every block (the faster search finds the same uses)', () => {
    const problems = lintFile({ path: '/p/src/index.ts', text: putBlocks(5), rules: rule('cache-put-body-reuse') }).problems;
    assert.equal(problems.length, 5);
  });
});

/** One `_headers` rule with `n` Cache-Control lines (each repeating, conflicting and disabling stale serving). */
function manyCacheControlLines(n: number): string {
  let text = '/*\n';
  for (let i = 0; i < n; i++) text += `  Cache-Control: s-maxage=${i}, stale-while-revalidate=5, private, public, must-revalidate, max-age=${i}\n`;
  return text;
}

describe('linear time in the number of Cache-Control lines of one _headers rule', () => {
  const rules = allRules.filter((r) => r.kinds.includes('headers'));
  it('lint: 16× the lines costs well under 16² × the time', () => {
    const ratio = scalingRatio(manyCacheControlLines, '/p/public/_headers', rules, 100);
    assert.ok(ratio < MAX_RATIO, `16× input took ${ratio.toFixed(1)}× the time`);
  });
  it('fix: 16× the lines costs well under 16² × the time (applying many fixes is not quadratic either)', () => {
    const ratio = scalingRatio(manyCacheControlLines, '/p/public/_headers', rules, 100, true);
    assert.ok(ratio < MAX_RATIO, `16× input took ${ratio.toFixed(1)}× the time`);
  });
  it('still reports repeats across lines of one rule', () => {
    const problems = lintFile({ path: '/p/public/_headers', text: manyCacheControlLines(3), rules: rule('cc-duplicate-directive') }).problems;
    assert.ok(problems.length >= 2 * 6, `${problems.length} problems`);
  });
});

/** A workflow whose job key is a flow map nested `depth` deep (`{{a: 1}: 1}`): the input grows linearly with depth. */
function nestedFlowKey(depth: number): string {
  let key = 'a';
  for (let i = 0; i < depth; i++) key = `{${key}: 1}`;
  return `on: push\njobs:\n  ${key}:\n    runs-on: ubuntu-latest\n    needs: [${key}]\n    steps:\n      - run: echo hi\n`;
}

describe('YAML flow maps used as keys', () => {
  const path = '/p/.github/workflows/ci.yml';
  it('28 levels lint without an exception, and twice the depth costs about twice the time (not 2^14×)', () => {
    const lint = (text: string) => () => { lintFile({ path, text, rules: allRules }); };
    lint(nestedFlowKey(28))();
    // Both runs take milliseconds: a floor on the denominator and a wide bound keep a GC pause from failing the test,
    // while exponential code (2^14× here) cannot pass.
    const ratio = bestTime(lint(nestedFlowKey(28))) / Math.max(bestTime(lint(nestedFlowKey(14))), 2);
    assert.ok(ratio < 20, `depth 28 took ${ratio.toFixed(1)}× depth 14`);
  });
  it('deeper still (200 levels) gives a result', () => {
    assert.ok(Array.isArray(lintFile({ path, text: nestedFlowKey(200), rules: allRules }).problems));
  });
});
