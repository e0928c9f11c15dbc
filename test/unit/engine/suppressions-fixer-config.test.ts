// Unit tests for disable comments, the fixer (overlaps, passes) and config parsing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../../server/src/engine/config';
import { applyEdits, applyFixes, fixUntilStable } from '../../../server/src/engine/fixer';
import { applySuppressions } from '../../../server/src/engine/suppressions';
import type { Problem } from '../../../server/src/engine/types';

const problem = (ruleId: string, start: number): Problem => ({ ruleId, severity: 'warn', message: 'm', start, end: start + 1 });

describe('suppressions', () => {
  const text = 'a\n// edgelint-disable-next-line r1 -- reason\nb\nc // edgelint-disable-line\n/* edgelint-disable r2 */\nd\n/* edgelint-enable r2 */\ne\n';
  const at = (s: string) => text.indexOf(`${s}\n`) === -1 ? text.indexOf(s) : text.indexOf(`\n${s}`) + 1;
  it('next-line, line and block forms; rule lists; reasons', () => {
    const kept = applySuppressions(text, 'worker', [problem('r1', at('a')), problem('r1', at('b')), problem('r2', at('b')), problem('r3', text.indexOf('c //')), problem('r2', at('d')), problem('r1', at('d')), problem('r2', at('e'))]);
    assert.deepEqual(kept.map((p) => [p.ruleId, text[p.start]]), [['r1', 'a'], ['r2', 'b'], ['r1', 'd'], ['r2', 'e']]);
  });
  it('# comments in TOML and _headers', () => {
    const toml = '# edgelint-disable-next-line r1\n[site]\n';
    assert.equal(applySuppressions(toml, 'wrangler', [problem('r1', toml.indexOf('[site]'))]).length, 0);
    assert.equal(applySuppressions(toml, 'worker', [problem('r1', toml.indexOf('[site]'))]).length, 1);
  });
  it('// comments in wrangler.json(c), none in package.json', () => {
    const jsonc = '{\n  // edgelint-disable-next-line r1\n  "site": { "bucket": "./public" }\n}\n';
    assert.equal(applySuppressions(jsonc, 'wrangler', [problem('r1', jsonc.indexOf('"site"'))]).length, 0);
    const pkg = '{\n  "scripts": { "x": "# edgelint-disable-line" }\n}\n';
    assert.equal(applySuppressions(pkg, 'package', [problem('r1', pkg.indexOf('"x"'))]).length, 1);
  });
  it('never silences fatal problems', () => {
    const t = '// edgelint-disable-next-line\nx';
    assert.equal(applySuppressions(t, 'worker', [{ ...problem('parse-error', t.indexOf('x')), fatal: true }]).length, 1);
  });
});

describe('fixer', () => {
  it('applies edits and skips overlapping fixes until the next pass', () => {
    assert.equal(applyEdits('abcdef', [{ start: 1, end: 2, text: 'X' }, { start: 4, end: 4, text: 'Y' }]), 'aXcdYef');
    const fixes = [
      { ...problem('r', 0), fix: { title: 'a', edits: [{ start: 0, end: 3, text: 'AAA' }] } },
      { ...problem('r', 2), fix: { title: 'b', edits: [{ start: 2, end: 4, text: 'BB' }] } },
    ];
    assert.deepEqual(applyFixes('abcdef', fixes), { text: 'AAAdef', applied: 1 });
  });
  it('re-lints until stable and stops after 10 passes', () => {
    const grow = (): Problem[] => [{ ...problem('r', 0), fix: { title: 'grow', edits: [{ start: 0, end: 0, text: 'x' }] } }];
    const result = fixUntilStable('', grow);
    assert.equal(result.passes, 10);
    assert.equal(result.text, 'x'.repeat(10));
    const once = (text: string): Problem[] => (text.includes(';') ? [{ ...problem('r', text.indexOf(';')), fix: { title: 's', edits: [{ start: text.indexOf(';'), end: text.indexOf(';') + 1, text: ',' }] } }] : []);
    assert.deepEqual(fixUntilStable('a;b;c', once).text, 'a,b,c');
  });
});

describe('config', () => {
  const known = new Set(['cc-syntax', 'kv-hot-key-write']);
  it('reads severities, options and ignores', () => {
    const { config, problems } = parseConfig('{ "rules": { "cc-syntax": "off", "kv-hot-key-write": ["error", { "x": 1 }] }, "ignores": ["a/**"] }', known);
    assert.deepEqual(problems, []);
    assert.equal(config.rules.get('cc-syntax')!.severity, 'off');
    assert.deepEqual(config.rules.get('kv-hot-key-write'), { severity: 'error', options: { x: 1 } });
    assert.deepEqual(config.ignores, ['a/**']);
  });
  it('reports bad values at their positions', () => {
    const text = '{ "rules": { "cc-syntax": "loud", "nope": "warn" }, "ignores": "x", "extra": 1 }';
    const { problems } = parseConfig(text, known);
    assert.deepEqual(problems.map((p) => [p.severity, text.slice(p.start, p.end)]), [['error', '"loud"'], ['warn', '"nope"'], ['error', '"x"'], ['warn', '"extra"']]);
  });
  it('reads the edgelint key of package.json', () => {
    const { config } = parseConfig('{ "name": "x", "edgelint": { "rules": { "cc-syntax": 2 } } }', known, true);
    assert.equal(config.rules.get('cc-syntax')!.severity, 'error');
  });
});
