// Pre-parse evidence that a file may use KV at all: every way the binding resolver (kv.ts) can know a receiver is KV
// leaves a trace in the text (a declared or typed binding name, a KVNamespace type, a KV-only option or call shape, or an
// imported module whose summary has KV-typed names or helpers), so a filter that requires one never hides a finding.
import type { FileFacts } from '../../project/facts';
import { mayUseImportedHelpers } from '../../project/imports';

/** KVNamespace types and the option keys and get() types only KV has (kv-bindings.ts `kvShapedCall`). */
const KV_SHAPES = /KVNamespace|getWithMetadata|cacheTtl|expirationTtl|\bexpiration\b|\bmetadata\b|\btype\s*:|['"`](?:json|text|arrayBuffer|stream)['"`]/;

/** True when `text` may call KV: see the file comment. Cheap: regexes and set lookups, no parse. */
export function mayUseKv(text: string, facts: FileFacts): boolean {
  if (KV_SHAPES.test(text)) return true;
  for (const names of [facts.kvBindings, facts.kvTypedNames]) {
    for (const name of names) if (mentionsWord(text, name)) return true;
  }
  return mayUseImportedHelpers(text, facts);
}

function mentionsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if (!(before && /[\w$]/.test(before)) && !(after && /[\w$]/.test(after))) return true;
  }
  return false;
}
