// Pre-parse evidence that a file may use KV at all: every way the binding resolver (kv.ts) can know a receiver is KV
// leaves a trace in the text (a declared or typed binding name, a KVNamespace type, a KV-only option or call shape, or an
// imported module whose summary has KV-typed names or helpers), so a filter that requires one never hides a finding.
import type { FileFacts } from '../../project/facts';
import { mayUseImportedHelpers } from '../../project/imports';

/** KVNamespace types and the option keys only KV has (kv-bindings.ts `kvShapedCall`). */
const KV_SHAPES = /KVNamespace|getWithMetadata|cacheTtl|expirationTtl|\bexpiration\b/;
/** Shapes that are KV's only in a `get(key, …)` call: a `type` option (also shorthand) or a KV value type as a string. */
const GET_SHAPES = /\btype\b|['"`](?:json|text|arrayBuffer|stream)['"`]/;
/** `.get(` / `.get<T>(`, up to its opening parenthesis. */
const GET_CALL = /\.get\s*(?:<[^()]{0,200}?>)?\s*\(/g;
/** …and only in a `put(key, value, …)` call: a `metadata` option. */
const PUT_SHAPES = /\bmetadata\b/;

/** True when `text` may call KV: see the file comment. Cheap: regexes and set lookups, no parse. */
export function mayUseKv(text: string, facts: FileFacts): boolean {
  const cached = memo.get(facts);
  if (cached && cached.text === text) return cached.result;
  const result = findKvEvidence(text, facts);
  memo.set(facts, { text, result });
  return result;
}

/** Per file being linted (its facts object): the answer for its text, shared by every rule's filter. */
const memo = new WeakMap<FileFacts, { text: string; result: boolean }>();

function findKvEvidence(text: string, facts: FileFacts): boolean {
  if (KV_SHAPES.test(text)) return true;
  if (mayCallShapedGet(text)) return true;
  if (/\.put\s*\(/.test(text) && PUT_SHAPES.test(text)) return true;
  for (const names of [facts.kvBindings, facts.kvTypedNames]) {
    for (const name of names) if (mentionsWord(text, name)) return true;
  }
  return mayUseImportedHelpers(text, facts);
}

/**
 * True when some `.get(key, second)` call may be KV-shaped: its arguments after the key mention `type` or a KV value type
 * string, or the second argument is a name (a const options object or type string declared elsewhere: then any such
 * shape in the file counts). Arguments are found by counting brackets, so keys like `keyFor(a, b(c))` do not matter.
 */
export function mayCallShapedGet(text: string): boolean {
  let named = false;
  for (const match of text.matchAll(GET_CALL)) {
    const args = callArguments(text, match.index + match[0].length);
    if (args === undefined) return GET_SHAPES.test(text); // unbalanced or very long: decide on the whole text
    if (args.length < 2) continue;
    const rest = args.slice(1).join(',');
    if (GET_SHAPES.test(rest)) return true;
    const second = args[1]!.trim();
    // A string or an object literal without spreads is all there: it showed no KV shape. Anything else is resolved elsewhere.
    if (/^(['"`])[^]*\1$/.test(second) || (second.startsWith('{') && !second.includes('...'))) continue;
    named = true;
  }
  return named && GET_SHAPES.test(text);
}

/** The top-level arguments of the call whose `(` ends at `from`, or undefined when they do not close within 4,000 chars. */
function callArguments(text: string, from: number): string[] | undefined {
  const args: string[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < text.length && i < from + 4000; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') i = stringEnd(text, i);
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        args.push(text.slice(start, i));
        return args;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return undefined;
}

/** The index of the quote that closes the string opened at `at` (escapes skipped; the text's end when unclosed). */
function stringEnd(text: string, at: number): number {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
    else if (text[i] === '\n' && quote !== '`') return i;
  }
  return text.length;
}

function mentionsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if (!(before && /[\w$]/.test(before)) && !(after && /[\w$]/.test(after))) return true;
  }
  return false;
}
