// TOML text -> ConfigNode tree with ranges, using toml-eslint-parser (position-preserving).
import { parseTOML } from 'toml-eslint-parser';
import { nestingError } from './nesting';
import type { ConfigNode, ConfigSyntaxError } from './config-tree';

type AnyNode = { type: string; range: [number, number]; [key: string]: any };

/** Parses TOML; on a syntax error returns the error with its position and no tree. */
export function parseTomlTree(text: string): { root?: ConfigNode; errors: ConfigSyntaxError[] } {
  const tooDeep = nestingError(text);
  if (tooDeep) return { errors: [tooDeep] };
  let ast: AnyNode;
  try {
    ast = parseTOML(text) as unknown as AnyNode;
  } catch (error) {
    const e = error as { message?: string; index?: number };
    const at = typeof e.index === 'number' ? Math.min(e.index, text.length) : 0;
    return { errors: [{ message: `Invalid TOML: ${e.message ?? String(error)}`, start: at, end: Math.min(at + 1, text.length) }] };
  }
  const root: ConfigNode = { type: 'object', start: 0, end: text.length, properties: new Map() };
  const top = ast.body[0] as AnyNode;
  for (const item of top.body as AnyNode[]) {
    if (item.type === 'TOMLKeyValue') addKeyValue(root, item);
    else if (item.type === 'TOMLTable') addTable(root, item);
  }
  return { root, errors: [] };
}

function keyNames(key: AnyNode): string[] {
  return (key.keys as AnyNode[]).map((k) => String(k.name ?? k.value));
}

function child(parent: ConfigNode, name: string, range: [number, number], keyRange: [number, number]): ConfigNode {
  const existing = parent.properties!.get(name);
  if (existing) return existing;
  const node: ConfigNode = {
    type: 'object', start: range[0], end: range[1], keyStart: keyRange[0], keyEnd: keyRange[1],
    entryStart: range[0], entryEnd: range[1], properties: new Map(),
  };
  parent.properties!.set(name, node);
  return node;
}

function addTable(root: ConfigNode, table: AnyNode): void {
  const names = keyNames(table.key);
  const keyRange = table.key.range as [number, number];
  let parent = root;
  for (let i = 0; i < names.length - 1; i++) {
    parent = child(parent, names[i]!, table.range, keyRange);
    if (parent.type === 'array') parent = parent.items![parent.items!.length - 1] ?? parent;
  }
  const last = names[names.length - 1]!;
  let target: ConfigNode;
  if (table.kind === 'array') {
    let array = parent.properties!.get(last);
    if (!array || array.type !== 'array') {
      array = { type: 'array', start: table.range[0], end: table.range[1], keyStart: keyRange[0], keyEnd: keyRange[1], entryStart: table.range[0], entryEnd: table.range[1], items: [] };
      parent.properties!.set(last, array);
    }
    target = { type: 'object', start: table.range[0], end: table.range[1], keyStart: keyRange[0], keyEnd: keyRange[1], entryStart: table.range[0], entryEnd: table.range[1], properties: new Map() };
    array.items!.push(target);
    array.end = Math.max(array.end, table.range[1]);
    array.entryEnd = array.end;
  } else {
    target = child(parent, last, table.range, keyRange);
    target.start = table.range[0];
    target.end = table.range[1];
    target.entryStart = table.range[0];
    target.entryEnd = table.range[1];
    target.keyStart = keyRange[0];
    target.keyEnd = keyRange[1];
  }
  for (const kv of table.body as AnyNode[]) addKeyValue(target, kv);
}

function addKeyValue(parent: ConfigNode, kv: AnyNode): void {
  const names = keyNames(kv.key);
  let target = parent;
  for (let i = 0; i < names.length - 1; i++) target = child(target, names[i]!, kv.range, kv.key.range);
  const node = convertValue(kv.value);
  node.keyStart = kv.key.range[0];
  node.keyEnd = kv.key.range[1];
  node.entryStart = kv.range[0];
  node.entryEnd = kv.range[1];
  target.properties!.set(names[names.length - 1]!, node);
}

function convertValue(value: AnyNode): ConfigNode {
  const [start, end] = value.range;
  if (value.type === 'TOMLArray') return { type: 'array', start, end, items: (value.elements as AnyNode[]).map(convertValue) };
  if (value.type === 'TOMLInlineTable') {
    const node: ConfigNode = { type: 'object', start, end, properties: new Map() };
    for (const kv of value.body as AnyNode[]) addKeyValue(node, kv);
    return node;
  }
  switch (value.kind) {
    case 'string': return { type: 'string', value: String(value.value), start, end };
    case 'integer':
    case 'float': return { type: 'number', value: Number(value.value), start, end };
    case 'boolean': return { type: 'boolean', value: Boolean(value.value), start, end };
    default: return { type: 'other', value: String(value.datetime ?? value.value), start, end };
  }
}
