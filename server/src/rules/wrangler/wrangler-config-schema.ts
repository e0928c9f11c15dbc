// wrangler-config-schema: the wrangler config checked against the workspace's own `node_modules/wrangler/config-schema.json`
// (so the check follows the installed wrangler): unknown fields, wrong shapes such as `[[triggers]]`, wrong types and values
// (domain.md §F 42, A11). Silent when no schema is installed.
import { defineRule } from '../../engine/define-rule';
import type { ConfigNode } from '../../engine/parse/config-tree';
import { validateAgainstSchema, type SchemaIssue } from '../../engine/parse/json-schema';

/** Fields other rules own (wrangler-cache-block, wrangler-legacy-v1-config), per section: reported there, not twice. */
const OWNED = /^(?:env\.[^.[\]]+\.)?(?:cache(?:[.[].*)?|exports\.[^.[\]]+\.cache(?:[.[].*)?|type|webpack_config|kv-namespaces|build\.upload(?:[.[].*)?)$/;

export default defineRule({
  id: 'wrangler-config-schema',
  description: "The wrangler config must match the installed wrangler's config-schema.json: known fields, right shapes and types.",
  defaultSeverity: 'error',
  messageSeverities: { unknownKey: 'warn' },
  fixable: false,
  hasSuggestions: false,
  kinds: ['wrangler'],
  defaultOptions: {},
  messages: {
    unknownKey: '`{{path}}` is not a field in the installed wrangler{{version}} config schema; wrangler ignores it.',
    type: '`{{path}}` must be {{expected}}, not {{actual}} (installed wrangler{{version}} config schema).',
    enum: '`{{path}}` is {{value}}; the installed wrangler{{version}} accepts {{allowed}}.',
    required: '{{where}} lacks `{{key}}`, which the installed wrangler{{version}} config schema requires.',
  },
  // The schema is looked up only for wrangler configs (once per folder, cached by the project).
  mayApply: (_text, facts, kind) => kind === 'wrangler' && !!facts.wranglerSchema?.(),
  check(context) {
    const installed = context.facts.wranglerSchema?.();
    const config = context.wrangler();
    if (!installed || !config.root) return;
    const version = installed.version ? ` ${installed.version}` : '';
    const words = (type: string): string => article(type, config.format);
    for (const issue of validateAgainstSchema(config.root, installed.schema, installed.schema, (path) => OWNED.test(path))) {
      const { start, end } = range(issue);
      const path = issue.path || 'the config';
      if (issue.kind === 'unknown-key') context.report({ start, end, messageId: 'unknownKey', data: { path, version } });
      else if (issue.kind === 'type') {
        const expected = issue.detail.split(' or ').map(words).join(' or ');
        context.report({ start, end, messageId: 'type', data: { path, version, expected, actual: words(issue.node.type) } });
      } else if (issue.kind === 'enum') {
        context.report({ start, end, messageId: 'enum', data: { path, version, value: JSON.stringify(issue.node.value), allowed: shorten(issue.detail) } });
      } else {
        context.report({ start, end, messageId: 'required', data: { where: issue.path ? `\`${issue.path}\`` : 'The config', key: issue.detail, version } });
      }
    }
  },
});

/** The key when the node has one (`[[triggers]]`, `"route":`), else the value itself. */
function range(issue: SchemaIssue): { start: number; end: number } {
  const node: ConfigNode = issue.node;
  if (node.keyStart !== undefined && node.keyEnd !== undefined) return { start: node.keyStart, end: node.keyEnd };
  return { start: node.start, end: Math.max(node.start + 1, node.type === 'object' || node.type === 'array' ? node.start + 1 : node.end) };
}

function article(type: string, format: 'toml' | 'json'): string {
  switch (type) {
    case 'object': return format === 'toml' ? 'a table' : 'an object';
    case 'array': return 'an array';
    case 'integer': return 'an integer';
    case 'null': return 'null';
    default: return `a ${type}`;
  }
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
