// cc-request-only-directive: request-only (max-stale, min-fresh, only-if-cached) or IE-era (pre-check, post-check)
// directives in a response's Cache-Control, where no cache reads them. Values sent on a fetch()/Request are left alone.
import { headerLabel, removeMemberEdit, siteRange } from '../../engine/domain/cache-control/cc-edits';
import type { CacheControlSite } from '../../engine/domain/cache-control/cc-sites';
import { defineRule } from '../../engine/define-rule';
import type { CcDirective } from '../../engine/parse/cache-control';
import type { TextEdit } from '../../engine/types';
import { accessPath, calleeName, calleeObject, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';
import { mentionsCacheControl } from '../../engine/filters/text-tests';

const REQUEST_ONLY = new Set(['max-stale', 'min-fresh', 'only-if-cached']);
const NON_STANDARD = new Set(['pre-check', 'post-check']);

export default defineRule({
  id: 'cc-request-only-directive',
  description: 'max-stale, min-fresh and only-if-cached are request directives, and pre-check/post-check are non-standard: in a response they do nothing.',
  defaultSeverity: 'warn',
  fixable: true,
  hasSuggestions: false,
  kinds: ['worker', 'headers'],
  defaultOptions: {},
  messages: {
    requestOnly: '\'{{member}}\' is a request directive: in a response {{header}} no cache reads it.',
    nonStandard: '\'{{member}}\' is a non-standard IE-era directive: no cache reads it in a response.',
  },
  mayApply: (text) => mentionsCacheControl(text) && /max-stale|min-fresh|only-if-cached|pre-check|post-check/i.test(text),
  check(context) {
    for (const site of context.cacheControlSites()) {
      if (site.node && isRequestHeader(context.worker(), site.node)) continue;
      const flagged = site.parsed.directives.filter((d) => REQUEST_ONLY.has(d.key) || NON_STANDARD.has(d.key));
      for (const directive of flagged) {
        const member = site.value.slice(directive.start, directive.end);
        const edit = runRemoval(site, directive, flagged, context.text);
        context.report({
          ...siteRange(site, directive.start, directive.end), messageId: REQUEST_ONLY.has(directive.key) ? 'requestOnly' : 'nonStandard',
          data: { member, header: headerLabel(site.header) }, fix: edit && { title: edit.title, edits: [edit.edit] },
        });
      }
    }
  },
});

/**
 * One edit for the run of neighbouring flagged members around `directive` (so `post-check=0, pre-check=0` at the end goes
 * in one piece; every report of the run carries the same edit, which the fixer applies once).
 */
function runRemoval(site: CacheControlSite, directive: CcDirective, flagged: CcDirective[], fileText: string): { title: string; edit: TextEdit } | undefined {
  const all = site.parsed.directives;
  let first = all.indexOf(directive);
  let last = first;
  while (first > 0 && flagged.includes(all[first - 1]!)) first--;
  while (last < all.length - 1 && flagged.includes(all[last + 1]!)) last++;
  const names = all.slice(first, last + 1).map((d) => `'${site.value.slice(d.start, d.end)}'`).join(', ');
  const title = `Remove ${names}`;
  if (first === 0 && last === all.length - 1) {
    const edit = all.length === 1 ? removeMemberEdit(site, directive, fileText) : undefined;
    return edit && { title, edit };
  }
  const [from, to] = last < all.length - 1 ? [all[first]!.start, all[last + 1]!.start] : [all[first - 1]!.end, all[last]!.end];
  const range = site.map(from, to);
  return range && { title, edit: { ...range, text: '' } };
}

/** A value sent upstream: in the init of `fetch(…)`/`new Request(…)`, or set on a request's headers. */
function isRequestHeader(model: WorkerModel, node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isCallExpression(parent) && parent.arguments[1] === node) {
    const receiver = calleeObject(parent);
    const path = receiver && accessPath(unwrap(receiver));
    if (path && path.some((part) => /^(req|request)$/i.test(part) || /Request$/.test(part))) return true;
    const root = receiver && unwrap(receiver);
    const holder = root && ts.isPropertyAccessExpression(root) ? unwrap(root.expression) : root;
    const init = holder && ts.isIdentifier(holder) ? model.resolver.initializer(holder) : undefined;
    const made = init && unwrap(init);
    if (made && ts.isNewExpression(made) && ts.isIdentifier(made.expression) && made.expression.text === 'Request') return true;
  }
  for (let current: ts.Node | undefined = parent, depth = 0; current && depth < 8; current = current.parent, depth++) {
    if (ts.isFunctionLike(current) || ts.isBlock(current)) return false;
    if (ts.isCallExpression(current) && calleeName(current) === 'fetch' && current.arguments.length >= 2 && current.arguments[1]!.pos <= node.pos) return true;
    if (ts.isNewExpression(current) && ts.isIdentifier(current.expression) && current.expression.text === 'Request') return true;
  }
  return false;
}
