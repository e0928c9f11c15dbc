// Binding names declared in Env type files (`wrangler types` output, hand-written env.d.ts): KV ones and the other kinds.
import ts from 'typescript';
import { kvTypedNamesInSource, otherTypedBindingNames } from '../domain/kv/kv-bindings';
import { tooDeepAt } from '../parse/nesting';

/** KV and other binding names typed in an Env type file. */
export function envTypeBindings(path: string, fullText: string): Map<string, 'kv' | 'other'> {
  const text = withoutRuntimeTypes(fullText);
  if (tooDeepAt(text) >= 0) return new Map();
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const kv = kvTypedNamesInSource(sf);
  const result = new Map<string, 'kv' | 'other'>([...kv].map((n) => [n, 'kv' as const]));
  for (const name of otherTypedBindingNames(sf, kv)) result.set(name, 'other');
  return result;
}

/** `wrangler types` output up to its `// Begin runtime types` marker: the bindings come first, then ~500 KB of runtime
 * declarations that declare no binding (and would cost a full parse per project). */
function withoutRuntimeTypes(text: string): string {
  const at = text.search(/^\/\/ Begin runtime types\s*$/m);
  return at < 0 ? text : text.slice(0, at);
}
