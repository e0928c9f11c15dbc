// Which earlier values of the same header a Cache-Control site is joined with: a header repeated in one `_headers` rule,
// `headers.append(...)`, Hono `c.header(name, v, { append: true })`, or repeated pairs in a Headers init array.
import type { CcDirective } from '../../parse/cache-control';
import type { HeadersFile } from '../../parse/headers-file';
import { accessPath, calleeName, calleeObject, contains, enclosingFunction, ts, unwrap, type WorkerModel } from '../../parse/worker';
import type { CacheControlSite } from './cc-sites';
import { readHeaders, type KnownHeader } from '../cache-api/responses';

/** A site and the values of the same header that the receiver sees before it, joined with ", " (domain.md A10, B1). */
export interface JoinedSite {
  site: CacheControlSite;
  /** Earlier sites of the same header, in order; empty for a standalone value. */
  priors: CacheControlSite[];
}

/** One directive of the joined value; `current` marks the directives of the site being checked. */
export interface JoinedMember {
  site: CacheControlSite;
  directive: CcDirective;
  current: boolean;
}

const memo = new WeakMap<object, JoinedSite[]>();

/** Pairs every site with the earlier values it is joined with. Only same-rule `_headers` lines and dominating calls in one function count. */
export function joinedCacheControlSites(sites: CacheControlSite[], source: { worker?: WorkerModel; headers?: HeadersFile }): JoinedSite[] {
  const cached = memo.get(sites);
  if (cached) return cached;
  const result = source.headers ? joinHeadersFile(sites, source.headers)
    : source.worker ? sites.map((site) => ({ site, priors: codePriors(site, sites, source.worker!) }))
      : sites.map((site) => ({ site, priors: [] }));
  memo.set(sites, result);
  return result;
}

/** The directives of the joined value in order. Members cc-syntax reports as unreadable (`:` instead of `=`, open quotes) are left out. */
export function joinedMembers(joined: JoinedSite): JoinedMember[] {
  const members: JoinedMember[] = [];
  for (const site of [...joined.priors, joined.site]) {
    for (const directive of site.parsed.directives) {
      if (directive.unterminatedQuote || directive.assign?.char === ':') continue;
      members.push({ site, directive, current: site === joined.site });
    }
  }
  return members;
}

/** How the joined value came about, for messages ('' for a standalone value). */
export function joinedVia(joined: JoinedSite): string {
  if (joined.priors.length === 0) return '';
  return joined.site.origin === 'headers-file' ? ' (lines of one rule joined with ", ")' : ' (values appended to one header)';
}

/**
 * How many earlier lines of one header in one `_headers` rule a line is joined with. Real rules repeat a header a few
 * times; without a bound, a rule with thousands of Cache-Control lines makes every check over the joined value quadratic.
 * The first lines are kept: the checks compare each directive with its first occurrence.
 */
export const MAX_JOINED_LINES = 32;

function joinHeadersFile(sites: CacheControlSite[], file: HeadersFile): JoinedSite[] {
  const byStart = new Map(sites.map((site) => [site.start, site]));
  const result: JoinedSite[] = [];
  for (const rule of file.rules) {
    const seen = new Map<string, CacheControlSite[]>();
    for (const line of rule.headers) {
      const site = byStart.get(line.valueStart);
      if (!site) continue;
      const earlier = seen.get(site.header) ?? [];
      if (earlier.length === 0) seen.set(site.header, earlier);
      result.push({ site, priors: earlier.slice(0, MAX_JOINED_LINES) });
      if (earlier.length < MAX_JOINED_LINES) earlier.push(site);
    }
  }
  return result;
}

function codePriors(site: CacheControlSite, sites: CacheControlSite[], model: WorkerModel): CacheControlSite[] {
  const node = site.node;
  const parent = node?.parent;
  if (!node || !parent) return [];
  const byNode = sitesByNode(sites);
  const siteOf = (n: ts.Node) => byNode.get(n)?.find((s) => s.header === site.header);
  // new Headers([['cache-control', a], ['cache-control', b]]) appends each pair.
  if (ts.isArrayLiteralExpression(parent) && parent.elements.length === 2 && parent.elements[1] === node && ts.isArrayLiteralExpression(parent.parent)) {
    const list = parent.parent.elements;
    return list.slice(0, list.indexOf(parent)).flatMap((pair) => {
      const prior = ts.isArrayLiteralExpression(pair) && pair.elements.length === 2 ? siteOf(pair.elements[1]!) : undefined;
      return prior ? [prior] : [];
    });
  }
  if (ts.isCallExpression(parent) && parent.arguments[1] === node && isAppend(parent, model)) return callPriors(parent, site, model, siteOf);
  return [];
}

const nodeIndex = new WeakMap<CacheControlSite[], Map<ts.Node, CacheControlSite[]>>();

/** The sites of a list by their value node (built once per list: a file with many sites stays linear). */
function sitesByNode(sites: CacheControlSite[]): Map<ts.Node, CacheControlSite[]> {
  let index = nodeIndex.get(sites);
  if (!index) {
    index = new Map();
    for (const s of sites) if (s.node) index.set(s.node, [...(index.get(s.node) ?? []), s]);
    nodeIndex.set(sites, index);
  }
  return index;
}

const functionCalls = new WeakMap<WorkerModel, Map<ts.Node | undefined, ts.CallExpression[]>>();

/** The calls of a model whose nearest enclosing function is `fn` (undefined: top level), in source order; built once per model. */
function callsIn(model: WorkerModel, fn: ts.Node | undefined): ts.CallExpression[] {
  let byFunction = functionCalls.get(model);
  if (!byFunction) {
    byFunction = new Map();
    for (const call of model.calls) {
      const owner = enclosingFunction(call);
      const list = byFunction.get(owner);
      if (list) list.push(call);
      else byFunction.set(owner, [call]);
    }
    functionCalls.set(model, byFunction);
  }
  return byFunction.get(fn) ?? [];
}

/** `x.append(name, v)` or Hono `c.header(name, v, { append: true })`. */
function isAppend(call: ts.CallExpression, model: WorkerModel): boolean {
  const name = calleeName(call);
  if (name === 'append') return true;
  if (name !== 'header' || !call.arguments[2]) return false;
  const options = model.resolver.resolveObject(call.arguments[2]);
  const append = options && model.resolver.objectValue(options, 'append');
  return append?.kind === ts.SyntaxKind.TrueKeyword;
}

function callPriors(call: ts.CallExpression, site: CacheControlSite, model: WorkerModel, siteOf: (n: ts.Node) => CacheControlSite | undefined): CacheControlSite[] {
  const target = calleeObject(call);
  const path = target && accessPath(target);
  if (!target || !path) return [];
  const fn = enclosingFunction(call);
  let priors: CacheControlSite[] = [];
  let reset = false;
  for (const earlier of callsIn(model, fn)) {
    if (earlier.end > call.getStart(model.sf)) continue;
    const method = calleeName(earlier);
    if (method !== 'set' && method !== 'append' && method !== 'delete' && method !== 'header') continue;
    const earlierPath = calleeObject(earlier) && accessPath(calleeObject(earlier)!);
    if (earlierPath?.join('.') !== path.join('.') || !dominates(earlier, call)) continue;
    const header = earlier.arguments[0] && model.resolver.resolveString(earlier.arguments[0])?.value.toLowerCase();
    if (header !== site.header) continue;
    const prior = earlier.arguments[1] ? siteOf(earlier.arguments[1]) : undefined;
    if (method === 'append' || (method === 'header' && isAppend(earlier, model))) {
      if (prior) priors.push(prior);
      continue;
    }
    reset = true;
    priors = method !== 'delete' && prior ? [prior] : [];
  }
  if (reset) return priors;
  return [...initialHeaders(target, path, model).filter((h) => h.name === site.header).flatMap((h) => siteOf(h.node) ?? []), ...priors];
}

/** Headers given when the target was created: `const res = new Response(b, { headers })` or `const h = new Headers({...})`. */
function initialHeaders(target: ts.Expression, path: string[], model: WorkerModel): KnownHeader[] {
  const base = unwrap(target);
  const holder = path.length === 2 && path[1] === 'headers' && ts.isPropertyAccessExpression(base) ? unwrap(base.expression)
    : path.length === 1 ? base : undefined;
  if (!holder || !ts.isIdentifier(holder)) return [];
  const init = model.resolver.initializer(holder);
  const created = init && unwrap(init);
  const facts = { headers: [] as KnownHeader[] };
  if (!created) return [];
  if (path.length === 1 && ts.isNewExpression(created) && ts.isIdentifier(created.expression) && created.expression.text === 'Headers') {
    readHeaders(model, created, facts);
  } else if (path.length === 2) {
    const isResponse = ts.isNewExpression(created) ? ts.isIdentifier(created.expression) && created.expression.text === 'Response'
      : ts.isCallExpression(created) && calleeName(created) === 'json' && accessPath(calleeObject(created) ?? created)?.join('.') === 'Response';
    const args = ts.isNewExpression(created) || ts.isCallExpression(created) ? created.arguments : undefined;
    const initObject = isResponse && args?.[1] ? model.resolver.resolveObject(args[1]) : undefined;
    const headers = initObject && model.resolver.objectValue(initObject, 'headers');
    if (headers) readHeaders(model, headers, facts);
  }
  return facts.headers;
}

/** True when `earlier` runs whenever `later` runs: no branch around it, and its statement's block also contains `later`. */
function dominates(earlier: ts.Node, later: ts.Node): boolean {
  let node: ts.Node = earlier;
  while (node.parent && !ts.isBlock(node.parent) && !ts.isSourceFile(node.parent) && !ts.isCaseOrDefaultClause(node.parent)) {
    const parent = node.parent;
    if (ts.isIfStatement(parent) || ts.isConditionalExpression(parent) || ts.isIterationStatement(parent, false) || ts.isTryStatement(parent)) return false;
    if (ts.isBinaryExpression(parent) && parent.right === node && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken,
      ts.SyntaxKind.QuestionQuestionToken].includes(parent.operatorToken.kind)) return false;
    node = parent;
  }
  return !!node.parent && contains(node.parent, later);
}
