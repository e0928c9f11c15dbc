// wrangler-legacy-v1-config: Wrangler v1 fields (`type`, `webpack_config`, `build.upload`, `kv-namespaces`) that current
// wrangler ignores; Wrangler v4 removed them (domain.md §F 39; workers-sdk v4 changeset, Wrangler 1 → 2 deprecations).
import { defineRule } from '../../engine/define-rule';
import { removeTomlEntryLine } from '../../engine/parse/config-edits';
import { getNode, stringValue, type ConfigNode } from '../../engine/parse/config-tree';
import { configSections, type WranglerConfig } from '../../engine/parse/wrangler';
import type { Fix } from '../../engine/types';

export default defineRule({
  id: 'wrangler-legacy-v1-config',
  description: 'Wrangler v1 fields (type, webpack_config, build.upload, kv-namespaces) are ignored by current wrangler.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: true,
  kinds: ['wrangler'],
  defaultOptions: {},
  messages: {
    type: '`{{key}} = "{{value}}"` is a Wrangler v1 field that current wrangler ignores.',
    webpackConfig: '`{{key}}` is a Wrangler v1 field: current wrangler never runs webpack.',
    buildUpload: '`{{key}}` is a Wrangler v1 field that current wrangler ignores.',
    kvHyphen: '`{{key}}` is the Wrangler v1 spelling: current wrangler ignores it, so these KV bindings do not exist.',
  },
  mayApply: (text) => /^[ \t]*["']?type["']?[ \t]*[=:]|webpack_config|upload|kv-namespaces/m.test(text),
  check(context) {
    const config = context.wrangler();
    const { text } = context;
    for (const { env, node } of configSections(config)) {
      const key = (name: string) => (env ? `env.${env}.${name}` : name);
      const at = (n: ConfigNode) => ({ start: n.keyStart ?? n.start, end: n.keyEnd ?? n.end });
      const webpack = getNode(node, 'webpack_config');
      const type = getNode(node, 'type');
      const value = stringValue(type);
      if (type && value !== undefined) {
        const remove = removeTomlEntryLine(config.format, text, type);
        context.report({
          ...at(type), messageId: 'type', data: { key: key('type'), value },
          suggestions: remove ? [remove] : [],
        });
      }
      if (webpack) context.report({ ...at(webpack), messageId: 'webpackConfig', data: { key: key('webpack_config') } });
      const upload = getNode(node, 'build', 'upload');
      if (upload) context.report({ ...at(upload), messageId: 'buildUpload', data: { key: key('build.upload') } });
      const hyphen = getNode(node, 'kv-namespaces');
      if (hyphen) {
        const rename = getNode(node, 'kv_namespaces') ? undefined : renameKv(config, text, hyphen, env);
        context.report({ ...at(hyphen), messageId: 'kvHyphen', data: { key: key('kv-namespaces') }, suggestions: rename ? [rename] : [] });
      }
    }
  },
});

/** `kv-namespaces` → `kv_namespaces` in the key (inline or JSON) or in every `[[kv-namespaces]]` table header of the section. */
function renameKv(config: WranglerConfig, text: string, node: ConfigNode, env: string | undefined): Fix | undefined {
  const edits: { start: number; end: number; text: string }[] = [];
  if (config.format === 'toml' && text[node.entryStart ?? node.start] === '[') {
    const prefix = env ? `env\\s*\\.\\s*${env.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\.\\s*` : '';
    const header = new RegExp(`^([ \\t]*\\[\\[[ \\t]*${prefix})kv-namespaces[ \\t]*\\]\\]`, 'gm');
    for (const m of text.matchAll(header)) edits.push({ start: m.index! + m[1]!.length, end: m.index! + m[1]!.length + 'kv-namespaces'.length, text: 'kv_namespaces' });
  } else if (node.keyStart !== undefined && node.keyEnd !== undefined) {
    const at = text.slice(node.keyStart, node.keyEnd).indexOf('kv-namespaces');
    if (at >= 0) edits.push({ start: node.keyStart + at, end: node.keyStart + at + 'kv-namespaces'.length, text: 'kv_namespaces' });
  }
  return edits.length ? { title: 'Rename to kv_namespaces', edits } : undefined;
}
