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
  // jsonc-parser can end a recovered node one past the text (an unterminated `/*` inside a string): clamp every range.
  return { root: tree ? convert(tree, text.length) : undefined, errors };
}

function convert(node: Node, length: number): ConfigNode {
  const clamp = (offset: number) => Math.min(offset, length);
  const start = clamp(node.offset);
  const end = clamp(node.offset + node.length);
  switch (node.type) {
    case 'object': {
      const result: ConfigNode = { type: 'object', start, end, properties: new Map() };
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        const converted = convert(value, length);
        converted.keyStart = clamp(key.offset);
        converted.keyEnd = clamp(key.offset + key.length);
        converted.entryStart = clamp(property.offset);
        converted.entryEnd = clamp(property.offset + property.length);
        result.properties!.set(String(key.value), converted);
      }
      return result;
    }
    case 'array': return { type: 'array', start, end, items: (node.children ?? []).map((child) => convert(child, length)) };
    case 'string': return { type: 'string', value: node.value as string, start, end };
    case 'number': return { type: 'number', value: node.value as number, start, end };
    case 'boolean': return { type: 'boolean', value: node.value as boolean, start, end };
    case 'null': return { type: 'null', value: null, start, end };
    default: return { type: 'other', start, end };
  }
}
