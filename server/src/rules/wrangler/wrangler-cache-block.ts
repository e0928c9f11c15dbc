// wrangler-cache-block: fields inside the Workers Cache `cache` block that wrangler does not know (typos such as `enable`,
// or settings that do not exist such as `ttl`), and a `cache` that is not a table (domain.md A6, §0 "Wrangler config").
import { defineRule, type RuleContext } from '../../engine/define-rule';
import { removeTomlEntryLine } from '../../engine/parse/config-edits';
import { getNode, type ConfigNode } from '../../engine/parse/config-tree';
import { configSections, type WranglerConfig } from '../../engine/parse/wrangler';
import type { Fix } from '../../engine/types';

/** Fields `validateCache` accepts (workers-utils `config/validation.ts`); everything else is reserved. */
const KNOWN = ['enabled', 'cross_version_cache'];

export default defineRule({
  id: 'wrangler-cache-block',
  description: 'The Workers Cache `cache` block accepts only `enabled` and `cross_version_cache`; other fields are reserved and have no effect.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: true,
  kinds: ['wrangler'],
  defaultOptions: {},
  messages: {
    unknown: '`{{key}}` is not a Workers Cache setting (only `enabled` and `cross_version_cache` are).{{advice}}',
    notTable: '`{{key}}` must be a table such as `{ enabled = true }`: as written, Workers Cache stays off.',
  },
  mayApply: (text) => /\bcache\b/.test(text),
  check(context) {
    const config = context.wrangler();
    for (const { env, node } of configSections(config)) {
      const prefix = env ? `env.${env}.` : '';
      check(context, config, getNode(node, 'cache'), `${prefix}cache`);
      for (const [name, entry] of getNode(node, 'exports')?.properties ?? []) check(context, config, getNode(entry, 'cache'), `${prefix}exports.${name}.cache`);
    }
  },
});

function check(context: RuleContext<object, 'unknown' | 'notTable'>, config: WranglerConfig, cache: ConfigNode | undefined, key: string): void {
  if (!cache) return;
  if (cache.type !== 'object') {
    context.report({ start: cache.keyStart ?? cache.start, end: cache.keyEnd ?? cache.end, messageId: 'notTable', data: { key } });
    return;
  }
  for (const [name, field] of cache.properties!) {
    if (KNOWN.includes(name)) continue;
    const near = KNOWN.find((known) => distance(known, name.toLowerCase()) <= 2 && !cache.properties!.has(known));
    const suggestions: Fix[] = [];
    if (near && field.keyStart !== undefined && field.keyEnd !== undefined) {
      const keyText = context.text.slice(field.keyStart, field.keyEnd);
      const at = keyText.lastIndexOf(name);
      if (at >= 0) suggestions.push({ title: `Rename to ${near}`, edits: [{ start: field.keyStart + at, end: field.keyStart + at + name.length, text: near }] });
    }
    const remove = removeTomlEntryLine(config.format, context.text, field);
    if (remove) suggestions.push(remove);
    context.report({
      start: field.keyStart ?? field.start, end: field.keyEnd ?? field.end, messageId: 'unknown',
      data: { key: `${key}.${name}`, advice: near ? ` Did you mean \`${near}\`?` : '' },
      suggestions,
    });
  }
}

/** Levenshtein distance (short keys only). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
