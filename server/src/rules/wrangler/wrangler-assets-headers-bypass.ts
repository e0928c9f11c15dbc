// wrangler-assets-headers-bypass: `_headers` rules for paths that code serves — `assets.run_worker_first` (true, or a
// pattern covering the path) or a Pages Function route — never apply to the responses that code builds (domain.md A10).
import { headersPathCovers, headersPathsOverlap } from '../../engine/domain/cache-control/headers-overlap';
import { defineRule } from '../../engine/define-rule';
import { booleanValue, getNode, stringValue } from '../../engine/parse/config-tree';
import { configSections } from '../../engine/parse/wrangler';
import type { FileFacts } from '../../engine/project/facts';

/** What sends a path to code first. */
interface CodeRoute {
  /** `_headers`-style path pattern. */
  path: string;
  /** For messages. */
  by: string;
}

export default defineRule({
  id: 'wrangler-assets-headers-bypass',
  description: '_headers rules never apply to responses built by Worker code or Pages Functions: paths that run_worker_first or a Function serves need their headers set in code.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: false,
  kinds: ['headers'],
  defaultOptions: {},
  messages: {
    bypassed: "'{{path}}' goes to {{by}} first; responses that code builds never get these _headers.",
  },
  mayApply: (_text, facts) => codeRoutes(facts).length > 0,
  check(context) {
    const routes = codeRoutes(context.facts);
    if (routes.length === 0) return;
    for (const rule of context.headersFile().rules) {
      if (rule.skipped || rule.headers.length === 0) continue;
      // A catch-all rule (`/*`) is meant for the assets: report it only when code serves every path it matches.
      const catchAll = /^(https:\/\/[^/]*)?\/\*$/.test(rule.path);
      const route = routes.find((r) => r.by !== 'negated' && !excluded(routes, rule.path)
        && (catchAll ? headersPathCovers(r.path, rule.path) : headersPathsOverlap(r.path, rule.path)));
      if (!route) continue;
      context.report({ start: rule.pathStart, end: rule.pathEnd, messageId: 'bypassed', data: { path: rule.path, by: route.by } });
    }
  },
});

/** Paths code serves first: `run_worker_first` of the Worker's `assets` (top level and `env.*`), and Pages Function routes. */
function codeRoutes(facts: FileFacts): CodeRoute[] {
  const routes: CodeRoute[] = [];
  const config = facts.wrangler;
  if (config) {
    for (const { node } of configSections(config)) {
      const first = getNode(node, 'assets', 'run_worker_first');
      if (!first) continue;
      if (booleanValue(first) === true) routes.push({ path: '/*', by: 'the Worker (run_worker_first = true)' });
      for (const item of first.items ?? []) {
        const pattern = stringValue(item);
        if (!pattern) continue;
        routes.push(pattern.startsWith('!') ? { path: pattern, by: 'negated' } : { path: pattern, by: `the Worker (run_worker_first "${pattern}")` });
      }
    }
  }
  for (const route of facts.pagesFunctionRoutes ?? []) {
    // A root catch-all Function usually hands static files back with next(): stay silent rather than flag every rule.
    if (route.path !== '/*') routes.push({ path: route.path, by: `the Pages Function ${route.file}` });
  }
  return routes;
}

/** A `!pattern` of run_worker_first that covers the whole rule path sends it to the assets instead. */
function excluded(routes: CodeRoute[], path: string): boolean {
  return routes.some((r) => r.by === 'negated' && headersPathCovers(r.path.slice(1), path));
}
