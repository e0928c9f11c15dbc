// cors-origin-without-vary: an Access-Control-Allow-Origin computed from the request's Origin (itty-router cors(), or
// hand-written) on a cacheable response with no `Vary: Origin`, so a cache serves one origin's CORS header to others.
import { holderOf, reflectedOrigins, setsVaryOrigin, type ReflectedOrigin } from '../../engine/domain/cache-api/cors';
import { cacheCalls } from '../../engine/domain/cache-api/cache-api';
import { codeCacheControlSites, type CacheControlSite } from '../../engine/domain/cache-control/cc-sites';
import { defineRule } from '../../engine/define-rule';
import { calleeName, calleeObject, lineOf, ts, type WorkerModel } from '../../engine/parse/worker';
import type { FileFacts } from '../../engine/project/facts';
import type { Fix } from '../../engine/types';

export default defineRule({
  id: 'cors-origin-without-vary',
  description: 'A response whose Access-Control-Allow-Origin reflects the request Origin must send Vary: Origin when it can be cached.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    noVary: '{{what}} lacks Vary: Origin but is cacheable ({{evidence}}): other origins may get it.',
  },
  mayApply: (text) => ((text.includes('rigin') || text.includes('RIGIN')) && /access-control-allow-origin/i.test(text)) || (text.includes('itty-router') && /\bcors\b/.test(text)),
  check(context) {
    const model = context.worker();
    const { sf } = model;
    const reflections = reflectedOrigins(model);
    if (reflections.length === 0 || setsVaryOrigin(model)) return;
    for (const reflection of reflections) {
      const evidence = cacheableEvidence(model, context.facts, reflection);
      if (!evidence) continue;
      context.report({
        start: reflection.node.getStart(sf), end: reflection.node.end, messageId: 'noVary',
        data: { what: reflection.what, evidence }, suggestions: addVary(model, reflection),
      });
    }
  },
});

/** Why the response can be cached: Workers Cache, a shared-cacheable Cache-Control, or a cache.put() of it. */
function cacheableEvidence(model: WorkerModel, facts: FileFacts, reflection: ReflectedOrigin): string | undefined {
  const scope = reflection.kind === 'itty' ? model.sf : holderOf(reflection.node);
  const inside = (node: ts.Node) => node.pos >= scope.pos && node.end <= scope.end;
  const sites = codeCacheControlSites(model).filter((site) => site.node && inside(site.node));
  if (sites.some((site) => site.parsed.directives.some((d) => d.key === 'private' || d.key === 'no-store'))) return undefined;
  if (facts.cacheEnabled) return 'Workers Cache is on';
  const shared = sites.find(sharedCacheable);
  if (shared) return `'${excerpt(shared.value)}', line ${lineOf(shared.node!)}`;
  if (reflection.kind === 'handwritten') {
    const put = cacheCalls(model).find((c) => c.method === 'put' && inside(c.call));
    if (put) return `cache.put() at line ${lineOf(put.call)}`;
  }
  return undefined;
}

/** `public`, `s-maxage` or a positive `max-age`: a shared cache may store it. */
function sharedCacheable(site: CacheControlSite): boolean {
  return site.parsed.directives.some((d) => d.key === 'public' || d.key === 's-maxage' || (d.key === 'max-age' && Number(d.value) > 0));
}

function excerpt(value: string): string {
  return value.length > 30 ? `${value.slice(0, 29)}…` : value;
}

/** Adds `Vary: Origin` next to a hand-written header: a sibling property, or an append after the set call. */
function addVary(model: WorkerModel, reflection: ReflectedOrigin): Fix[] {
  const { sf } = model;
  const setter = reflection.setter;
  if (!setter) return [];
  if (ts.isPropertyAssignment(setter)) {
    return [{ title: "Add 'Vary': 'Origin'", edits: [{ start: setter.end, end: setter.end, text: ", 'Vary': 'Origin'" }] }];
  }
  const statement = setter.parent;
  const receiver = calleeObject(setter);
  if (!receiver || !ts.isExpressionStatement(statement)) return [];
  const line = sf.text.slice(sf.text.lastIndexOf('\n', statement.getStart(sf)) + 1, statement.getStart(sf));
  const indent = /^\s*/.exec(line)![0];
  const call = calleeName(setter) === 'header'
    ? `${receiver.getText(sf)}.header('Vary', 'Origin', { append: true });`
    : `${receiver.getText(sf)}.append('Vary', 'Origin');`;
  return [{ title: "Append 'Vary: Origin'", edits: [{ start: statement.end, end: statement.end, text: `\n${indent}${call}` }] }];
}
