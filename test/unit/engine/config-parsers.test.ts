// Unit tests for wrangler config parsing: TOML and JSONC map to one tree with ranges; syntax errors keep positions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getNode, stringValue } from '../../../server/src/engine/parse/config-tree';
import { bindingsOf, parseWrangler } from '../../../server/src/engine/parse/wrangler';

const TOML = `name = "w"
compatibility_date = "2025-01-01"
env.staging.kv_namespaces = [{ binding = "INLINE", id = "1" }]

[[kv_namespaces]]
binding = "TABLE"
id = "2"

[env.production]
vars.MODE = "prod"

[[env.production.kv_namespaces]]
binding = "PROD_ONLY"
id = "3"

[site]
bucket = "./public"
`;

describe('wrangler config parsing', () => {
  it('TOML: tables, arrays of tables, dotted keys and envs', () => {
    const config = parseWrangler('/p/wrangler.toml', TOML);
    assert.deepEqual(config.errors, []);
    assert.equal(stringValue(getNode(config.root, 'compatibility_date')), '2025-01-01');
    assert.equal(stringValue(getNode(config.root, 'env', 'production', 'vars', 'MODE')), 'prod');
    assert.deepEqual(bindingsOf(config, 'kv_namespaces').map((b) => [b.name, b.env]), [['TABLE', undefined], ['INLINE', 'staging'], ['PROD_ONLY', 'production']]);
    const site = getNode(config.root, 'site')!;
    assert.equal(TOML.slice(site.keyStart, site.keyEnd), 'site');
    const bucket = getNode(site, 'bucket')!;
    assert.equal(TOML.slice(bucket.start, bucket.end), '"./public"');
  });
  it('JSONC: comments and trailing commas, same tree', () => {
    const text = '{\n  // comment\n  "name": "w",\n  "kv_namespaces": [{ "binding": "A", "id": "1" },],\n  "site": { "bucket": "./public" },\n}\n';
    const config = parseWrangler('/p/wrangler.jsonc', text);
    assert.deepEqual(config.errors, []);
    assert.deepEqual(bindingsOf(config, 'kv_namespaces').map((b) => b.name), ['A']);
    const site = getNode(config.root, 'site')!;
    assert.equal(text.slice(site.keyStart, site.keyEnd), '"site"');
  });
  it('syntax errors are reported with positions, never thrown', () => {
    const toml = parseWrangler('/p/wrangler.toml', 'name = "w"\nbroken = = 1\n');
    assert.equal(toml.root, undefined);
    assert.equal(toml.errors.length, 1);
    assert.match(toml.errors[0]!.message, /Invalid TOML/);
    assert.ok(toml.errors[0]!.start >= 11);
    const json = parseWrangler('/p/wrangler.json', '{ "name": "w" ');
    assert.ok(json.errors.length > 0);
    assert.match(json.errors[0]!.message, /Invalid JSON/);
    assert.equal(parseWrangler('/p/wrangler.json', '[1]').errors.length, 1);
  });
});
