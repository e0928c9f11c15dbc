// Config lookup (Project.configFor): .edgelintrc.json, then .edgelintrc, then package.json#edgelint, walking up from the file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasEdgelintKey } from '../../../server/src/engine/config';
import { ROOT, virtualProject } from '../../harness/virtual-project';

const known = new Set(['cc-syntax', 'kv-hot-key-write']);
const configFor = (files: Record<string, string>, file = 'app/src/index.ts') => virtualProject(files, known).project.configFor(`${ROOT}/${file}`);

describe('config lookup', () => {
  it('loads .edgelintrc (no extension) as JSONC', () => {
    const resolved = configFor({ 'app/.edgelintrc': '// comments allowed\n{ "rules": { "cc-syntax": "off", } }\n' });
    assert.equal(resolved.path, `${ROOT}/app/.edgelintrc`);
    assert.deepEqual(resolved.problems, []);
    assert.equal(resolved.config.rules.get('cc-syntax')!.severity, 'off');
  });
  it('prefers .edgelintrc.json over .edgelintrc over package.json#edgelint in the same folder', () => {
    const rcJson = '{ "rules": { "cc-syntax": "error" } }';
    const rc = '{ "rules": { "cc-syntax": "info" } }';
    const pkg = '{ "edgelint": { "rules": { "cc-syntax": "off" } } }';
    assert.equal(configFor({ 'app/.edgelintrc.json': rcJson, 'app/.edgelintrc': rc, 'app/package.json': pkg }).path, `${ROOT}/app/.edgelintrc.json`);
    assert.equal(configFor({ 'app/.edgelintrc': rc, 'app/package.json': pkg }).path, `${ROOT}/app/.edgelintrc`);
    assert.equal(configFor({ 'app/package.json': pkg }).path, `${ROOT}/app/package.json`);
  });
  it('a package.json that only depends on edgelint does not hide the parent config', () => {
    const resolved = configFor({
      '.edgelintrc.json': '{ "rules": { "kv-hot-key-write": "error" } }',
      'app/package.json': '{ "name": "app", "devDependencies": { "edgelint": "^0.1.0" }, "scripts": { "lint": "edgelint" } }',
    });
    assert.equal(resolved.path, `${ROOT}/.edgelintrc.json`);
    assert.equal(resolved.config.rules.get('kv-hot-key-write')!.severity, 'error');
  });
  it('hasEdgelintKey looks at the top level only', () => {
    assert.equal(hasEdgelintKey('{ "edgelint": {} }'), true);
    assert.equal(hasEdgelintKey('{ "dependencies": { "edgelint": "1" } }'), false);
    assert.equal(hasEdgelintKey('{ "name": "x", "description": "\\"edgelint\\": nope" }'), false);
    assert.equal(hasEdgelintKey('[{ "edgelint": {} }]'), false);
  });
});
