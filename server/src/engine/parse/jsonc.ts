// JSON/JSONC text -> ConfigNode tree with ranges, using Microsoft's jsonc-parser.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { nestingError } from './nesting';
import type { ConfigNode, ConfigSyntaxError } from './config-tree';

/** Parses JSON with comments and trailing commas (as wrangler accepts); syntax errors keep their positions. */
export function parseJsoncTree(text: string): { root?: ConfigNode; errors: ConfigSyntaxError[] } {
  const tooDeep = nestingError(text);
  if (tooDeep) return { errors: [tooDeep] };
  const parseErrors: ParseError[] = [];
  const tree = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const errors = parseErrors.map((e) => ({
    message: `Invalid JSON: ${printParseErrorCode(e.error)}`,
    start: e.offset,
    end: Math.min(text.length, e.offset + Math.max(1, e.length)),
  }));
  return { root: tree ? convert(tree) : undefined, errors };
}

function convert(node: Node): ConfigNode {
  const start = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case 'object': {
      const result: ConfigNode = { type: 'object', start, end, properties: new Map() };
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        const converted = convert(value);
        converted.keyStart = key.offset;
        converted.keyEnd = key.offset + key.length;
        converted.entryStart = property.offset;
        converted.entryEnd = property.offset + property.length;
        result.properties!.set(String(key.value), converted);
      }
      return result;
    }
    case 'array': return { type: 'array', start, end, items: (node.children ?? []).map(convert) };
    case 'string': return { type: 'string', value: node.value as string, start, end };
    case 'number': return { type: 'number', value: node.value as number, start, end };
    case 'boolean': return { type: 'boolean', value: node.value as boolean, start, end };
    case 'null': return { type: 'null', value: null, start, end };
    default: return { type: 'other', start, end };
  }
}
