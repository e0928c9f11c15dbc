// cf-invalid-ttl: `cf.cacheTtl` that is negative or not a number, and `cf.cacheTtlByStatus` keys that are not statuses or
// ranges, reversed or overlapping ranges, and non-integer TTLs (domain.md A5, §E 23).
import { cfOption, cfOptionsSites, type CfOptionsSite } from '../../engine/domain/fetch/cf-options';
import { parseStatusRange, type StatusRange } from '../../engine/domain/fetch/status-ranges';
import { defineRule } from '../../engine/define-rule';
import type { ObjectEntry } from '../../engine/parse/constants';
import { lineOf, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';
import { mentionsCacheTtl } from '../../engine/filters/text-tests';

const rule = defineRule({
  id: 'cf-invalid-ttl',
  description: 'cf.cacheTtl must be a non-negative number; cacheTtlByStatus needs status ranges like "200-299" and integer TTLs.',
  defaultSeverity: 'error',
  messageSeverities: { negativeTtl: 'warn', notNumber: 'warn', overlap: 'warn', notInteger: 'warn' },
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    negativeTtl: 'cf.cacheTtl is {{value}}: a negative cacheTtl is undocumented.',
    notNumber: 'cf.cacheTtl is {{what}}, not a number of seconds: Cloudflare may ignore it.',
    badStatusKey: 'cacheTtlByStatus key \'{{key}}\' is not a status or range like \'200-299\': it matches no response.',
    reversedRange: 'cacheTtlByStatus range \'{{key}}\' is reversed: it matches no status.',
    overlap: 'cacheTtlByStatus range \'{{key}}\' overlaps \'{{other}}\' (line {{line}}): which TTL applies is undefined.',
    notInteger: 'cacheTtlByStatus[\'{{key}}\'] is {{value}}; TTLs by status must be integers.',
  },
  mayApply: (text) => mentionsCacheTtl(text),
  check(context) {
    const model = context.worker();
    const reported = new Set<string>();
    for (const site of cfOptionsSites(model)) {
      checkCacheTtl(context, model, site, reported);
      const byStatus = cfOption(site, 'cacheTtlByStatus');
      const ranges = byStatus && model.resolver.resolveObject(byStatus.value);
      if (ranges) checkByStatus(context, model, model.resolver.objectEntries(ranges), reported);
    }
  },
});
export default rule;

type Context = Parameters<typeof rule.check>[0];

function once(reported: Set<string>, node: ts.Node, messageId: string): boolean {
  const key = `${node.getStart()}:${messageId}`;
  if (reported.has(key)) return false;
  reported.add(key);
  return true;
}

function checkCacheTtl(context: Context, model: WorkerModel, site: CfOptionsSite, reported: Set<string>): void {
  const ttl = cfOption(site, 'cacheTtl');
  if (!ttl) return;
  const value = unwrap(ttl.value);
  const number = model.resolver.resolveNumber(value);
  if (number !== undefined && number < 0) {
    if (!once(reported, ttl.keyNode, 'negativeTtl')) return;
    const rewrite = ts.isPropertyAssignment(ttl.property) && !cfOption(site, 'cacheTtlByStatus') && site.cf?.properties.includes(ttl.property)
      ? [{ title: 'Use cacheTtlByStatus', edits: [{ start: ttl.property.getStart(model.sf), end: ttl.property.end, text: `cacheTtlByStatus: { '100-599': ${number} }` }] }]
      : [];
    context.report({ start: ttl.keyNode.getStart(model.sf), end: ttl.value.end, messageId: 'negativeTtl', data: { value: number }, suggestions: rewrite });
    return;
  }
  const text = model.resolver.resolveString(value);
  const what = text ? `the string '${text.value}'` : value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword ? `a boolean` : undefined;
  if (!what || !once(reported, ttl.keyNode, 'notNumber')) return;
  const seconds = text && /^\d+$/.test(text.value) && ts.isStringLiteralLike(value) ? Number(text.value) : undefined;
  const suggestions = seconds !== undefined ? [{ title: `Use the number ${seconds}`, edits: [{ start: value.getStart(model.sf), end: value.end, text: String(seconds) }] }] : [];
  context.report({ start: ttl.keyNode.getStart(model.sf), end: ttl.value.end, messageId: 'notNumber', data: { what }, suggestions });
}

function checkByStatus(context: Context, model: WorkerModel, entries: ObjectEntry[], reported: Set<string>): void {
  const seen: { range: StatusRange; entry: ObjectEntry }[] = [];
  for (const entry of entries) {
    const at = { start: entry.keyNode.getStart(model.sf), end: entry.keyNode.end };
    const range = parseStatusRange(entry.key);
    if (!range) {
      if (once(reported, entry.keyNode, 'badStatusKey')) context.report({ ...at, messageId: 'badStatusKey', data: { key: entry.key } });
      continue;
    }
    if (range.from > range.to) {
      if (once(reported, entry.keyNode, 'reversedRange')) context.report({ ...at, messageId: 'reversedRange', data: { key: entry.key } });
      continue;
    }
    const earlier = seen.find((s) => s.range.from <= range.to && range.from <= s.range.to);
    if (earlier && once(reported, entry.keyNode, 'overlap')) {
      context.report({ ...at, messageId: 'overlap', data: { key: entry.key, other: earlier.entry.key, line: lineOf(earlier.entry.keyNode) } });
    }
    seen.push({ range, entry });
    const value = model.resolver.resolveNumber(entry.value);
    if (value !== undefined && !Number.isInteger(value) && once(reported, entry.keyNode, 'notInteger')) {
      context.report({ start: at.start, end: entry.value.end, messageId: 'notInteger', data: { key: entry.key, value } });
    }
  }
}
