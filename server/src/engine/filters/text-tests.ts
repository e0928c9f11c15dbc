// Text tests that many pre-parse filters share, answered once per text (the last text asked about): on a keystroke every
// filter runs over the whole buffer, so a test repeated by six rules must cost one scan, not six.
let lastText: string | undefined;
let answers = new Map<string, boolean>();

/** `test(text)`, computed once per text and key. */
export function memoTest(text: string, key: string, test: (text: string) => boolean): boolean {
  if (text !== lastText) {
    lastText = text;
    answers = new Map();
  }
  let answer = answers.get(key);
  if (answer === undefined) answers.set(key, answer = test(text));
  return answer;
}

/** `Cache-Control` / `cache-control` / `cacheControl` in any case (a literal precheck first: regexes scan slowly). */
export const mentionsCacheControl = (text: string): boolean =>
  memoTest(text, 'cache-control', (t) => (t.includes('ontrol') || t.includes('ONTROL')) && /cache-?control/i.test(t));

/** A `.put(` call. */
export const callsPut = (text: string): boolean => memoTest(text, '.put(', (t) => t.includes('.put') && /\.put\s*\(/.test(t));

/** A `.get(` / `.getWithMetadata(` / `.get<T>(` call. */
export const callsGet = (text: string): boolean =>
  memoTest(text, '.get(', (t) => t.includes('.get') && /\.get(WithMetadata)?\s*[(<]/.test(t));

/** The word `cacheTtl` or `cacheTtlByStatus`. */
export const mentionsCacheTtl = (text: string): boolean =>
  memoTest(text, 'cacheTtl', (t) => t.includes('cacheTtl') && /\bcacheTtl(ByStatus)?\b/.test(t));
