// A small JSON Schema (draft-07 subset: $ref, type, properties, additionalProperties, required, enum, const, items, anyOf,
// oneOf, allOf) checked against a position-keeping config tree, for wrangler's own config-schema.json. Values it cannot
// type (TOML dates, unknown keywords) are never reported.
import type { ConfigNode } from './config-tree';

/** A schema object as parsed from JSON (only the keywords below are read). */
export type JsonSchema = { [keyword: string]: unknown };

/** One mismatch between the config and the schema. */
export interface SchemaIssue {
  kind: 'unknown-key' | 'type' | 'enum' | 'required';
  /** Where it is, as `triggers`, `env.staging.kv_namespaces[0].binding` (empty for the root). */
  path: string;
  node: ConfigNode;
  /** unknown-key / required: the key; type: the expected types; enum: the allowed values (JSON). */
  detail: string;
}

const MAX_DEPTH = 40;
const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);
const isSchema = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every issue of `node` against `schema`; `root` resolves `#/definitions/…` references. `skip(path)` leaves subtrees out. */
export function validateAgainstSchema(node: ConfigNode, schema: JsonSchema, root: JsonSchema, skip: (path: string) => boolean = () => false): SchemaIssue[] {
  return check(node, schema, root, '', skip, 0);
}

function resolveRef(schema: JsonSchema, root: JsonSchema, depth: number): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10 && depth < MAX_DEPTH; hops++) {
    const ref = current.$ref as string;
    if (ref === '#') current = root;
    else if (ref.startsWith('#/')) {
      let target: unknown = root;
      for (const part of ref.slice(2).split('/').map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'))) {
        target = isSchema(target) && own(target, part) ? target[part] : undefined;
      }
      current = isSchema(target) ? target : undefined;
    } else current = undefined; // remote references: unknown, stay silent
  }
  return current;
}

/** The JSON Schema type names a config node can be. `other` (TOML dates, odd values) matches nothing we can tell. */
function typesOf(node: ConfigNode): string[] | undefined {
  switch (node.type) {
    case 'object': return ['object'];
    case 'array': return ['array'];
    case 'string': return ['string'];
    case 'boolean': return ['boolean'];
    case 'null': return ['null'];
    case 'number': return Number.isInteger(node.value) ? ['number', 'integer'] : ['number'];
    default: return undefined;
  }
}

function check(node: ConfigNode, raw: JsonSchema, root: JsonSchema, path: string, skip: (path: string) => boolean, depth: number): SchemaIssue[] {
  if (depth > MAX_DEPTH || skip(path)) return [];
  const schema = resolveRef(raw, root, depth);
  const actual = typesOf(node);
  if (!schema || !actual) return [];
  const issues: SchemaIssue[] = [];
  for (const part of Array.isArray(schema.allOf) ? schema.allOf.filter(isSchema) : []) issues.push(...check(node, part, root, path, skip, depth + 1));
  for (const keyword of ['anyOf', 'oneOf']) {
    const options = Array.isArray(schema[keyword]) ? (schema[keyword] as unknown[]).filter(isSchema) : [];
    if (options.length > 0) issues.push(...checkAlternatives(node, options, root, path, skip, depth));
  }
  const expected = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : [];
  if (expected.length > 0 && !expected.some((t) => actual.includes(t))) return [...issues, { kind: 'type', path, node, detail: expected.join(' or ') }];
  const allowed = Array.isArray(schema.enum) ? schema.enum : own(schema, 'const') ? [schema.const] : undefined;
  if (allowed && node.type !== 'object' && node.type !== 'array' && !allowed.some((v) => v === node.value)) {
    issues.push({ kind: 'enum', path, node, detail: allowed.map((v) => JSON.stringify(v)).join(', ') });
  }
  if (node.type === 'object' && node.properties) issues.push(...checkObject(node, schema, root, path, skip, depth));
  if (node.type === 'array' && node.items) {
    node.items.forEach((item, i) => {
      const itemSchema = Array.isArray(schema.items) ? schema.items[i] : schema.items;
      if (isSchema(itemSchema)) issues.push(...check(item, itemSchema, root, `${path}[${i}]`, skip, depth + 1));
    });
  }
  return issues;
}

function checkObject(node: ConfigNode, schema: JsonSchema, root: JsonSchema, path: string, skip: (path: string) => boolean, depth: number): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const properties = isSchema(schema.properties) ? schema.properties : {};
  for (const [key, value] of node.properties!) {
    const childPath = path ? `${path}.${key}` : key;
    if (own(properties, key) && isSchema(properties[key])) issues.push(...check(value, properties[key] as JsonSchema, root, childPath, skip, depth + 1));
    else if (schema.additionalProperties === false) { if (!skip(childPath)) issues.push({ kind: 'unknown-key', path: childPath, node: value, detail: key }); }
    else if (isSchema(schema.additionalProperties)) issues.push(...check(value, schema.additionalProperties, root, childPath, skip, depth + 1));
  }
  for (const key of Array.isArray(schema.required) ? schema.required : []) {
    if (typeof key === 'string' && !node.properties!.has(key)) issues.push({ kind: 'required', path, node, detail: key });
  }
  return issues;
}

/** anyOf/oneOf: fine when one alternative fits; else the issues of the closest alternative of the node's type. */
function checkAlternatives(node: ConfigNode, options: JsonSchema[], root: JsonSchema, path: string, skip: (path: string) => boolean, depth: number): SchemaIssue[] {
  let best: SchemaIssue[] | undefined;
  for (const option of options) {
    const found = check(node, option, root, path, skip, depth + 1);
    if (found.length === 0) return [];
    const typeOnly = found.length === 1 && found[0]!.kind === 'type' && found[0]!.node === node;
    if (!typeOnly && (!best || found.length < best.length)) best = found;
  }
  if (best) return best;
  const types = options.map((o) => expectedTypes(o, root)).filter((t) => t.length > 0);
  return [{ kind: 'type', path, node, detail: [...new Set(types.flat())].join(' or ') || 'another shape' }];
}

function expectedTypes(raw: JsonSchema, root: JsonSchema): string[] {
  const schema = resolveRef(raw, root, 0);
  if (!schema) return [];
  if (typeof schema.type === 'string') return [schema.type];
  return Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : [];
}
