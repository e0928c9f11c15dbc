// Fuzzing every parser (Cache-Control, _headers, wrangler TOML/JSON/JSONC, YAML workflows, package.json, shell, JS/TS):
// no exception escapes, every offset lies inside the input, and the same text parses to the same result.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseCacheControl } from '../../../server/src/engine/parse/cache-control';
import { parseHeadersFile } from '../../../server/src/engine/parse/headers-file';
import { parseJsoncTree } from '../../../server/src/engine/parse/jsonc';
import { parsePackageJson } from '../../../server/src/engine/parse/package-json';
import { splitShellCommands } from '../../../server/src/engine/parse/shell';
import { parseShellScript } from '../../../server/src/engine/parse/shell-script';
import { parseTomlTree } from '../../../server/src/engine/parse/toml';
import { parseWorker } from '../../../server/src/engine/parse/worker';
import { parseWorkflow } from '../../../server/src/engine/parse/workflow';
import { parseWrangler } from '../../../server/src/engine/parse/wrangler';
import { checkProperty, fuzzText, generatedText } from '../../harness/fuzz';

/**
 * Checks every plain object reachable from a parse result (Maps and arrays included; TypeScript nodes and functions are
 * skipped) whose numeric `start`/`end`, `keyStart`/`keyEnd` or `entryStart`/`entryEnd` pairs must lie inside the text.
 */
function assertOffsetsInside(result: unknown, length: number): void {
  const seen = new Set<unknown>();
  const visit = (value: unknown, path: string): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Map) { for (const [k, v] of value) visit(v, `${path}.${String(k)}`); return; }
    if (Array.isArray(value)) { value.forEach((v, i) => visit(v, `${path}[${i}]`)); return; }
    const record = value as Record<string, unknown>;
    if (typeof record.kind === 'number' && typeof record.pos === 'number') return; // a TypeScript node
    for (const [a, b] of [['start', 'end'], ['keyStart', 'keyEnd'], ['entryStart', 'entryEnd']] as const) {
      const start = record[a];
      const end = record[b];
      if (typeof start === 'number' && typeof end === 'number') {
        assert.ok(start >= 0 && start <= end && end <= length, `${path}: ${a}/${b} ${start}-${end} outside 0-${length}`);
      }
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'parent' && key !== 'sf') visit(child, `${path}.${key}`);
  };
  visit(result, '$');
}

/** A stable text form of a parse result (Maps as entries) to compare two parses of one text. */
function snapshot(result: unknown): string {
  return JSON.stringify(result, (key, value) => (value instanceof Map ? [...value.entries()] : key === 'parent' ? undefined : value));
}

const anyText = fc.string({ maxLength: 200, unit: 'binary' });
const ccValue = fc.oneof(
  fc.array(fc.constantFrom('public', 'private', 'max-age', 's-maxage', 'no-cache', 'no-store', '=', '60', '-1', '"', ',', ';', ' ', 'Set-Cookie', 'stale-while-revalidate', '\t', '1.5', 'Max-Age', '=?', '\\'), { maxLength: 20 }).map((p) => p.join('')),
  anyText,
);

const PARSERS: [string, fc.Arbitrary<string>, (text: string) => unknown][] = [
  ['Cache-Control values', ccValue, parseCacheControl],
  ['_headers files', fc.oneof(fuzzText('headers'), anyText), parseHeadersFile],
  ['wrangler.toml', fc.oneof(fuzzText('wrangler'), anyText), (t) => parseWrangler('/p/wrangler.toml', t)],
  ['wrangler.json(c)', fc.oneof(fuzzText('wrangler'), fuzzText('package'), anyText), (t) => parseWrangler('/p/wrangler.jsonc', t)],
  ['TOML trees', fc.oneof(fuzzText('wrangler'), anyText), parseTomlTree],
  ['JSONC trees', fc.oneof(fuzzText('edgelint-config'), fuzzText('package'), anyText), parseJsoncTree],
  ['package.json', fc.oneof(fuzzText('package'), anyText), parsePackageJson],
  ['YAML workflows', fc.oneof(fuzzText('workflow'), anyText), parseWorkflow],
  ['shell commands', fc.oneof(generatedText('shell'), anyText), splitShellCommands],
  ['shell scripts', fc.oneof(fuzzText('shell'), anyText), parseShellScript],
];

describe('fuzz: parsers', () => {
  let total = 0;
  for (const [name, arbitrary, parse] of PARSERS) {
    it(`${name}: no exception, offsets inside, deterministic`, (t) => {
      const runs = checkProperty(arbitrary, (text) => {
        const first = parse(text);
        assertOffsetsInside(first, text.length);
        assert.equal(snapshot(parse(text)), snapshot(first), 'same text, same parse');
      });
      total += runs;
      t.diagnostic(`${runs} inputs`);
    });
  }

  it('JS/TS (worker model): no exception, syntax errors inside, deterministic', (t) => {
    let n = 0;
    const runs = checkProperty(fc.oneof(fuzzText('worker'), anyText), (text) => {
      const path = `/p/src/fuzz-${n++ % 4}.${['ts', 'js', 'tsx', 'mjs'][n % 4]}`;
      const first = parseWorker(path, text);
      assertOffsetsInside(first.syntaxErrors, text.length);
      const again = parseWorker(path.replace('/fuzz-', '/fuzz-again-'), text);
      assert.equal(again.calls.length, first.calls.length);
      assert.deepEqual(again.syntaxErrors, first.syntaxErrors);
    });
    total += runs;
    t.diagnostic(`${runs} inputs`);
  });

  it('regression (found by this fuzzer): an unterminated /* inside a JSONC string does not end a node past the text', () => {
    const text = '{"rules":{"cc-synta:"warn","ignores":["dist/**"],"tests":"off"}\r\n';
    assertOffsetsInside(parseJsoncTree(text), text.length);
  });

  it('ran every parser', (t) => {
    t.diagnostic(`parsers: ${total} inputs in total`);
    assert.ok(total >= PARSERS.length + 1);
  });
});
