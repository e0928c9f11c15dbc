// Table tests for wrangler-config-schema, against a small hand-written schema in wrangler's dialect (draft-07, $ref to
// #/definitions, additionalProperties: false, anyOf, enum, required), installed as node_modules/wrangler/config-schema.json.
import rule from '../../../server/src/rules/wrangler/wrangler-config-schema';
import { runRuleTests } from '../../harness/rule-tester';

const section = (withEnv: boolean) => ({
  type: 'object',
  additionalProperties: false,
  properties: {
    ...(withEnv ? { $schema: { type: 'string' }, name: { type: 'string' }, compatibility_date: { type: 'string' }, env: { type: 'object', additionalProperties: { $ref: '#/definitions/Env' } } } : {}),
    main: { type: 'string' },
    workers_dev: { type: 'boolean' },
    triggers: { type: 'object', additionalProperties: false, properties: { crons: { type: 'array', items: { type: 'string' } } } },
    kv_namespaces: { type: 'array', items: { $ref: '#/definitions/Kv' } },
    route: { anyOf: [{ type: 'string' }, { $ref: '#/definitions/Route' }] },
    placement: { type: 'object', additionalProperties: false, properties: { mode: { type: 'string', enum: ['off', 'smart'] } } },
    cache: { type: 'object', additionalProperties: false, properties: { enabled: { type: 'boolean' } } },
    vars: { type: 'object', additionalProperties: {} },
  },
});
const SCHEMA = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  allOf: [{ $ref: '#/definitions/Config' }],
  definitions: {
    Config: section(true),
    Env: section(false),
    Kv: { type: 'object', additionalProperties: false, required: ['binding'], properties: { binding: { type: 'string' }, id: { type: 'string' } } },
    Route: { type: 'object', additionalProperties: false, required: ['pattern'], properties: { pattern: { type: 'string' }, zone_name: { type: 'string' } } },
  },
}, null, 2);
const INSTALLED = { 'node_modules/wrangler/config-schema.json': SCHEMA, 'node_modules/wrangler/package.json': '{ "name": "wrangler", "version": "4.99.0" }' };
const W = 'wrangler.toml';
const HEAD = 'name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2026-08-01"\n';

runRuleTests(rule, {
  valid: [
    { filename: W, files: INSTALLED, name: 'a config the schema accepts', code: `${HEAD}workers_dev = false\nroute = "example.com/*"\n\n[triggers]\ncrons = ["0 * * * *"]\n\n[[kv_namespaces]]\nbinding = "KV"\nid = "1"\n\n[vars]\nANY = { nested = true }\n` },
    {
      filename: 'wrangler.jsonc', files: INSTALLED, name: 'JSONC with $schema, an env and a route object',
      code: `{\n  "$schema": "node_modules/wrangler/config-schema.json",\n  "name": "app",\n  "route": { "pattern": "example.com/*", "zone_name": "example.com" },\n  "env": { "staging": { "workers_dev": true, "placement": { "mode": "smart" } } },\n}\n`,
    },
    { filename: W, name: 'no schema installed: silent even for [[triggers]] and unknown fields', code: `${HEAD}usage_model = "bundled"\n\n[[triggers]]\ncrons = ["* * * * *"]\n` },
    { filename: W, files: INSTALLED, name: 'an unquoted TOML date is not typed by edgelint: silent', code: 'name = "app"\ncompatibility_date = 2026-08-01\n' },
    { filename: W, files: INSTALLED, name: 'fields other rules own (cache block, v1 type) are left to them', code: `${HEAD}type = "webpack"\n\n[cache]\nenabled = true\nttl = 60\n` },
    { filename: W, files: { 'node_modules/wrangler/config-schema.json': '{ not json' }, name: 'an unreadable schema checks nothing', code: `${HEAD}usage_model = "bundled"\n` },
  ],
  invalid: [
    {
      filename: W, files: INSTALLED, name: '[[triggers]] (array of tables) where the schema wants a table',
      code: `${HEAD}\n[[triggers]]\ncrons = ["*/5 * * * *"]\n`,
      errors: [{ messageId: 'type', line: 5, severity: 'error', message: '`triggers` must be a table, not an array (installed wrangler 4.99.0 config schema).' }],
    },
    {
      filename: W, files: INSTALLED, name: 'unknown top-level field is a warning at its key',
      code: `${HEAD}usage_model = "bundled"\n`,
      errors: [{ messageId: 'unknownKey', line: 4, column: 1, endColumn: 12, severity: 'warn', message: '`usage_model` is not a field in the installed wrangler 4.99.0 config schema' }],
    },
    {
      filename: W, files: INSTALLED, name: 'a KV entry without binding, and a boolean written as a string',
      code: `${HEAD}workers_dev = "true"\n\n[[kv_namespaces]]\nid = "1"\n`,
      errors: [
        { messageId: 'type', line: 4, message: '`workers_dev` must be a boolean, not a string' },
        { messageId: 'required', line: 6, message: '`kv_namespaces[0]` lacks `binding`' },
      ],
    },
    {
      filename: 'wrangler.json', files: INSTALLED, name: 'JSON: a value outside the enum',
      code: `{\n  "name": "app",\n  "placement": { "mode": "dumb" }\n}\n`,
      errors: [{ messageId: 'enum', line: 3, message: '`placement.mode` is "dumb"; the installed wrangler 4.99.0 accepts "off", "smart".' }],
    },
    {
      filename: 'wrangler.jsonc', files: INSTALLED, name: 'env section: unknown field, and a route object without pattern (anyOf)',
      code: `{\n  "name": "app",\n  "env": {\n    "prod": {\n      "zone_id": "abc",\n      "route": { "zone_name": "example.com" }\n    }\n  }\n}\n`,
      errors: [
        { messageId: 'unknownKey', line: 5, severity: 'warn', message: '`env.prod.zone_id`' },
        { messageId: 'required', line: 6, message: '`env.prod.route` lacks `pattern`' },
      ],
    },
    {
      filename: 'apps/api/wrangler.toml', files: { 'package.json': '{ "private": true }', ...INSTALLED }, name: 'monorepo: the schema installed at the workspace root applies',
      code: `${HEAD}\n[triggers]\ncron = ["0 0 * * *"]\n`,
      errors: [{ messageId: 'unknownKey', line: 6, message: '`triggers.cron`' }],
    },
  ],
});
