// headers-file-location: a `_headers` file that no deploy reads (outside `assets.directory` / `pages_build_output_dir` and
// outside a folder builds copy there), and a `_headers` folder (reported by the file walk with this rule's id). domain.md A10.
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { defineRule } from '../../engine/define-rule';
import { getNode, stringValue } from '../../engine/parse/config-tree';
import { configSections, type WranglerConfig } from '../../engine/parse/wrangler';
import type { FileFacts } from '../../engine/project/facts';

/** Folders that frameworks copy into the build output (Vite, Astro, Next/OpenNext, Remix: `public/`; SvelteKit: `static/`). */
const COPIED_FOLDERS = new Set(['public', 'static']);

export default defineRule({
  id: 'headers-file-location',
  description: 'A _headers file must be in the deployed assets folder (or a folder the build copies there), and must be a file.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: false,
  kinds: ['headers'],
  defaultOptions: {},
  messages: {
    outside: 'This _headers is outside {{folder}} ({{key}} in {{config}}), so no deploy reads it.',
    folder: 'This is a folder, but Cloudflare reads a file named `_headers`: the header rules in it are never applied.',
  },
  mayApply: (_text, facts) => outputFolders(facts).length > 0,
  check(context) {
    const folders = outputFolders(context.facts);
    if (folders.length === 0 || !context.facts.wrangler) return;
    const file = resolve(context.path);
    const configDir = dirname(resolve(context.facts.wrangler.path));
    if (folders.some((f) => inside(f.absolute, file))) return;
    const steps = relative(configDir, dirname(file)).split(sep);
    if (steps.some((step) => COPIED_FOLDERS.has(step))) return;
    const first = folders[0]!;
    const lineEnd = context.text.indexOf('\n');
    context.report({
      start: 0, end: lineEnd < 0 ? context.text.length : lineEnd, messageId: 'outside',
      data: { folder: `"${first.value}"`, key: first.key, config: basename(context.facts.wrangler.path) },
    });
  },
});

/** The folders wrangler deploys as static assets: `assets.directory` (top level and `env.*`) and `pages_build_output_dir`. */
function outputFolders(facts: FileFacts): { key: string; value: string; absolute: string }[] {
  const config: WranglerConfig | undefined = facts.wrangler;
  if (!config?.root) return [];
  const base = dirname(resolve(config.path));
  const result: { key: string; value: string; absolute: string }[] = [];
  for (const { env, node } of configSections(config)) {
    const directory = stringValue(getNode(node, 'assets', 'directory'));
    if (directory) result.push({ key: env ? `env.${env}.assets.directory` : 'assets.directory', value: directory, absolute: resolve(base, directory) });
  }
  const pages = stringValue(getNode(config.root, 'pages_build_output_dir'));
  if (pages) result.push({ key: 'pages_build_output_dir', value: pages, absolute: resolve(base, pages) });
  return result;
}

function inside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
