// Evidence that code means to "warm" a cache, graded: warm/prime/preload/prefill (strong) or hot/popular/top-N (weak, which
// a caller should back with a cache word or a derived value) in names, comments and key strings (domain.md §F).
import { ts } from '../../parse/worker';
import { excerpt, splitWords, WARM_VERB } from './intent';

/** One piece of evidence, phrased for a message: `function name 'warmCache'`, `comment "// prime the top pages"`. */
export interface IntentEvidence {
  strength: 'strong' | 'weak' | 'cache';
  word: string;
  /** What was seen, quoted, for the message. */
  seen: string;
}

/** A text to search: identifiers, comments or string literals. */
export interface IntentSource {
  text: string;
  kind: 'name' | 'comment' | 'string';
  /** For names: `function name`, `identifier`, `binding`. */
  label?: string;
}

const WEAK = /^(?:hot|hottest|popular|top|topn)$/;
const CACHE = /^(?:cache|caches|cached|caching)$/;

/** Classifies the words of each source; `pre-populate`/`pre warm` spelled apart count too. In comments, `top` needs a count or N after it. */
function gradedWords(sources: IntentSource[]): IntentEvidence[] {
  const found: IntentEvidence[] = [];
  for (const source of sources) {
    const list = splitWords(source.text);
    list.forEach((word, i) => {
      const joined = word === 'pre' && list[i + 1] ? `pre${list[i + 1]}` : word;
      let strength: IntentEvidence['strength'] | undefined;
      if (WARM_VERB.test(joined)) strength = 'strong';
      else if (WEAK.test(word) && (source.kind === 'name' || word !== 'top' || /^(?:\d+|n)$/.test(list[i + 1] ?? ''))) strength = 'weak';
      else if (CACHE.test(word)) strength = 'cache';
      if (strength) found.push({ strength, word: joined, seen: describe(source) });
    });
  }
  return found;
}

/**
 * The convincing evidence: a strong word, or a weak word backed by a cache word or by `derived` (the caller saw a
 * computed value, e.g. a render() result); undefined otherwise.
 */
export function warmingIntent(sources: IntentSource[], derived = false): IntentEvidence | undefined {
  const evidence = gradedWords(sources);
  const strong = evidence.find((e) => e.strength === 'strong');
  if (strong) return strong;
  const weak = evidence.find((e) => e.strength === 'weak');
  return weak && (derived || evidence.some((e) => e.strength === 'cache')) ? weak : undefined;
}

/**
 * Comments that speak about `node` (a loop or call) inside `scope` (its function): comments inside the node, comments
 * before it and before each statement holding it (back to the start of its paragraph: a blank line ends it), and the
 * comment before the function itself. Comments elsewhere in the function are not about this loop and are not returned.
 */
export function commentsAround(sf: ts.SourceFile, node: ts.Node, scope: ts.Node): string[] {
  const seen = new Set<number>();
  const out: { pos: number; text: string }[] = [];
  const add = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      out.push({ pos: range.pos, text: sf.text.slice(range.pos, range.end) });
    }
  };
  const visit = (n: ts.Node): void => {
    add(ts.getLeadingCommentRanges(sf.text, n.getFullStart()));
    add(ts.getTrailingCommentRanges(sf.text, n.end));
    ts.forEachChild(n, visit);
  };
  const scopeHolder = ts.isVariableDeclaration(scope.parent) ? scope.parent.parent.parent : ts.isPropertyAssignment(scope.parent) ? scope.parent : scope;
  add(ts.getLeadingCommentRanges(sf.text, scopeHolder.getFullStart()));
  for (let n: ts.Node | undefined = node; n && n !== scope; n = n.parent) {
    if (!ts.isStatement(n)) continue;
    add(ts.getLeadingCommentRanges(sf.text, n.getFullStart()));
    // Earlier statements of the same paragraph (no blank line in between) share its introductory comment.
    const list = ts.isBlock(n.parent) || ts.isSourceFile(n.parent) ? n.parent.statements : undefined;
    for (let i = list ? list.indexOf(n) - 1 : -1; list && i >= 0; i--) {
      if (/\n[ \t]*\r?\n/.test(sf.text.slice(list[i]!.end, list[i + 1]!.getStart(sf)))) break;
      add(ts.getLeadingCommentRanges(sf.text, list[i]!.getFullStart()));
    }
  }
  visit(node);
  return out.sort((a, b) => a.pos - b.pos).map((c) => c.text);
}

function describe(source: IntentSource): string {
  const short = excerpt(source.text, 50);
  if (source.kind === 'comment') return `comment "${short}"`;
  if (source.kind === 'string') return `key '${short}'`;
  return `${source.label ?? 'name'} '${short}'`;
}
