// intent: does a name, comment, file name or shell word say "warm / prime / preload / prefill / pre-populate / hot / popular / top-N"?
// Why: deploy-time KV writes are mostly seeding source data (domain.md §F); only words like these separate warming from seeding.
import { quoteSource } from '../../redact';

/** Words split from identifiers, file names, comments and shell words (`popularPages` -> popular, pages; `TOP_10` -> top, 10). */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** A warming verb (`warm`, `prewarmed`, `priming`, `preload`, `prefill`, `prepopulate`…), one word. */
export const WARM_VERB = /^(pre)?(warm(s|ed|ing|er|up)?|prime[sd]?|priming|preload(s|ed|ing)?|prefill(s|ed|ing)?|prepopulat(e|es|ed|ing))$/;
const ADJECTIVE = /^(hot|hottest|popular)$/;
const CACHE_WORD = /^(cache[sd]?|caching|kv)$/;

/** The intent phrase in a text (`warm`, `pre-populate`, `top-N`, `popular`…), or undefined. */
export function intentWord(text: string): string | undefined {
  const words = splitWords(text);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (WARM_VERB.test(word) || ADJECTIVE.test(word)) return word;
    if (word === 'pre' && next && /^(populat|warm|load|fill)/.test(next)) return `pre-${next}`;
    if (word === 'top' && next && /^(\d+|n|k)$/.test(next)) return `top-${next}`;
  }
  return undefined;
}

/**
 * True for names that say "warm the cache": a warming verb next to a cache/KV word in either order
 * (`warmCache`, `primeKV`, `/admin/kv-preload`, `cache-warmer`), or, with `bareWarm`, any form of "warm" alone
 * (`warm`, `warm:pages`), which in a package script name means nothing else.
 */
export function namesCacheWarming(name: string, bareWarm = false): boolean {
  const words = splitWords(name);
  const verbAt = words.findIndex((w, i) => WARM_VERB.test(w) || (w === 'pre' && /^(populat|warm|load|fill)/.test(words[i + 1] ?? '')));
  if (verbAt < 0) return false;
  if (bareWarm && /warm/.test(words[verbAt]! + (words[verbAt + 1] ?? ''))) return true;
  return words.some((w) => CACHE_WORD.test(w));
}

const VERB_CANDIDATE = /warm|prim(?:e|ing)|pre[^A-Za-z0-9]*(?:load|fill|populat|warm)/gi;

/**
 * Pre-parse filter for `namesCacheWarming`: true when some word of the text (split as `splitWords` splits names: at
 * non-alphanumerics and camelCase humps) is a warming verb, or `pre` before populate/warm/load/fill. `desktop`,
 * `primitive` or `swarm` are no such words, so files that merely contain the letters are never parsed for it.
 */
export function mayNameWarmingVerb(text: string): boolean {
  for (const match of text.matchAll(VERB_CANDIDATE)) {
    let start = match.index;
    while (start > 0 && /[A-Za-z0-9]/.test(text[start - 1]!)) start--;
    let end = match.index + match[0].length;
    while (end < text.length && /[A-Za-z0-9]/.test(text[end]!)) end++;
    const next = /^[^A-Za-z0-9]{0,3}[A-Za-z0-9]+/.exec(text.slice(end, end + 40))?.[0] ?? '';
    const words = splitWords(text.slice(start, end) + next);
    if (words.some((w, i) => WARM_VERB.test(w) || (w === 'pre' && /^(populat|warm|load|fill)/.test(words[i + 1] ?? '')))) return true;
  }
  return false;
}

/** Shortens a quoted piece of evidence for messages, secrets redacted (`engine/redact.ts`). */
export function excerpt(text: string, max = 60): string {
  return quoteSource(text, max);
}

/** A piece of evidence quoted for a message: shortened, with double quotes turned into single ones. */
export function quote(text: string, max = 60): string {
  return `"${excerpt(text, max).replace(/"/g, "'")}"`;
}
