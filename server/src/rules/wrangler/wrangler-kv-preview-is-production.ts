// wrangler-kv-preview-is-production: a `kv_namespaces` entry whose `preview_id` equals its `id`, so remote dev
// (`wrangler dev --remote`) reads and writes the production namespace (domain.md §0 "Wrangler config", A11).
import { defineRule } from '../../engine/define-rule';
import { getNode, stringValue } from '../../engine/parse/config-tree';
import { bindingsOf } from '../../engine/parse/wrangler';

export default defineRule({
  id: 'wrangler-kv-preview-is-production',
  description: 'A KV namespace whose preview_id equals its production id: `wrangler dev --remote` reads and writes production data.',
  defaultSeverity: 'info',
  fixable: false,
  hasSuggestions: false,
  kinds: ['wrangler'],
  defaultOptions: {},
  messages: {
    same: '`preview_id` of KV binding "{{binding}}"{{env}} equals its `id`: `wrangler dev --remote` uses production data.',
  },
  mayApply: (text) => text.includes('preview_id'),
  check(context) {
    for (const { name, env, entry } of bindingsOf(context.wrangler(), 'kv_namespaces')) {
      const id = stringValue(getNode(entry, 'id'))?.trim().toLowerCase();
      const previewNode = getNode(entry, 'preview_id');
      const preview = stringValue(previewNode)?.trim().toLowerCase();
      if (!previewNode || !id || id !== preview) continue;
      context.report({ start: previewNode.start, end: previewNode.end, messageId: 'same', data: { binding: name, env: env ? ` in env.${env}` : '' } });
    }
  },
});
