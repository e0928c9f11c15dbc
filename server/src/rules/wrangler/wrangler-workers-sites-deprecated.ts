// wrangler-workers-sites-deprecated: Workers Sites (`site` in wrangler config, kv-asset-handler, __STATIC_CONTENT_MANIFEST,
// Hono's serveStatic from 'hono/cloudflare-workers') is deprecated in Wrangler v4; static assets replace it (domain.md A11).
import { defineRule, type RuleContext } from '../../engine/define-rule';
import { getNode, stringValue, type ConfigNode } from '../../engine/parse/config-tree';
import { ts } from '../../engine/parse/worker';
import { configSections } from '../../engine/parse/wrangler';
import type { Fix } from '../../engine/types';

const KV_ASSET_HANDLER = /^@cloudflare\/kv-asset-handler(\/|$)/;
const MANIFEST = '__STATIC_CONTENT_MANIFEST';
const HONO_CF = 'hono/cloudflare-workers';
const TODO = 'TODO: remove [site] and the kv-asset-handler code';

export default defineRule({
  id: 'wrangler-workers-sites-deprecated',
  description: 'Workers Sites is deprecated in Wrangler v4 and unsupported by the Vite plugin; use static assets instead.',
  defaultSeverity: 'warn',
  messageSeverities: { siteAndAssets: 'error' },
  fixable: false,
  hasSuggestions: true,
  kinds: ['wrangler', 'worker'],
  defaultOptions: {},
  messages: {
    configSite: '`{{key}}` configures Workers Sites, deprecated in Wrangler v4 and unsupported by the Vite plugin.',
    siteAndAssets: '`{{key}}` and `assets` are both set: wrangler refuses to deploy the Worker.',
    kvAssetHandler: '\'{{module}}\' serves Workers Sites, which is deprecated in Wrangler v4.',
    staticContentManifest: '\'__STATIC_CONTENT_MANIFEST\' exists only for Workers Sites, which is deprecated in Wrangler v4.',
    honoServeStatic: '`serveStatic` from \'hono/cloudflare-workers\' relies on Workers Sites, deprecated in Wrangler v4.',
  },
  mayApply: (text, _facts, kind) => kind === 'wrangler' ? /\bsite\b/.test(text) : /kv-asset-handler|__STATIC_CONTENT_MANIFEST|hono\/cloudflare-workers/.test(text),
  check(context) {
    if (context.kind === 'wrangler') checkConfig(context);
    else checkCode(context);
  },
});

function checkConfig(context: RuleContext): void {
  const config = context.wrangler();
  const topAssets = getNode(config.root, 'assets');
  for (const { env, node } of configSections(config)) {
    const site = getNode(node, 'site');
    if (!site) continue;
    const key = env ? `env.${env}.site` : 'site';
    const start = site.keyStart ?? site.start;
    const end = site.keyEnd ?? site.end;
    if (getNode(node, 'assets') ?? topAssets) {
      context.report({ start, end, messageId: 'siteAndAssets', data: { key }, related: context.facts.sitesImports });
      continue;
    }
    const bucket = stringValue(getNode(site, 'bucket'));
    const suggestion = bucket === undefined ? undefined
      : config.format === 'toml' ? tomlSkeleton(context.text, site, bucket) : jsonSkeleton(context.text, site, bucket, context.path.endsWith('.jsonc'));
    context.report({
      start, end, messageId: 'configSite', data: { key },
      suggestions: suggestion ? [suggestion] : [],
      // The imports are part of this one cause: related locations, not findings of their own (issue 7).
      related: context.facts.sitesImports,
    });
  }
}

/** Start of the line holding `offset`, and that line's indentation. */
function lineAt(text: string, offset: number): { start: number; indent: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return { start, indent: /^[ \t]*/.exec(text.slice(start))![0] };
}

/**
 * TOML: a `[site]` / `[env.X.site]` table gets a sibling `[assets]` / `[env.X.assets]` table inserted just above it; an inline
 * `site = { … }` gets `assets = { directory = … }` on the line above (same table). Dotted keys (`site.bucket = …`) get none.
 */
function tomlSkeleton(text: string, site: ConfigNode, bucket: string): Fix | undefined {
  if (site.keyStart === undefined || site.keyEnd === undefined || site.entryStart === undefined) return undefined;
  const keyText = text.slice(site.keyStart, site.keyEnd);
  const { start, indent } = lineAt(text, site.entryStart);
  const directory = JSON.stringify(bucket);
  let insert: string;
  if (text[site.entryStart] === '[') {
    const header = keyText.replace(/(^|\.)\s*(["']?)site\2\s*$/, '$1assets');
    if (header === keyText) return undefined;
    insert = `${indent}# ${TODO}\n${indent}[${header}]\n${indent}directory = ${directory}\n\n`;
  } else {
    if (!/^(["']?)site\1$/.test(keyText)) return undefined;
    insert = `${indent}# ${TODO}\n${indent}assets = { directory = ${directory} }\n`;
  }
  return { title: `Add assets = { directory = ${directory} } (then remove [site])`, edits: [{ start, end: start, text: insert }] };
}

/** JSON/JSONC: `"assets": { "directory": … },` inserted before the `"site"` property (with a TODO comment in JSONC). */
function jsonSkeleton(text: string, site: ConfigNode, bucket: string, comments: boolean): Fix | undefined {
  if (site.keyStart === undefined) return undefined;
  const { start, indent } = lineAt(text, site.keyStart);
  const ownLine = text.slice(start, site.keyStart).trim() === '';
  const separator = ownLine ? `\n${indent}` : ' ';
  const property = `"assets": { "directory": ${JSON.stringify(bucket)} },`;
  const insert = `${comments && ownLine ? `// ${TODO.replace('[site]', '"site"')}${separator}` : ''}${property}${separator}`;
  return { title: `Add "assets": { "directory": ${JSON.stringify(bucket)} } (then remove "site")`, edits: [{ start: site.keyStart, end: site.keyStart, text: insert }] };
}

/**
 * Code is reported only when no wrangler config sets `site` (then the config is the one cause and these imports are its
 * related locations), at most once per file (its first Sites import), and never for re-export shims (`export … from`).
 */
function checkCode(context: RuleContext): void {
  const config = context.facts.wrangler;
  if (config && configSections(config).some(({ node }) => getNode(node, 'site'))) return;
  const { sf, calls } = context.worker();
  let reported = false;
  const report = (descriptor: Parameters<typeof context.report>[0]) => {
    if (!reported) context.report(descriptor);
    reported = true;
  };
  const specifier = (literal: ts.Expression) => {
    if (!ts.isStringLiteralLike(literal)) return;
    const module = literal.text;
    const messageId = KV_ASSET_HANDLER.test(module) ? 'kvAssetHandler' : module === MANIFEST ? 'staticContentManifest' : undefined;
    if (messageId) report({ start: literal.getStart(sf), end: literal.end, messageId, data: { module } });
  };
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement) && statement.moduleSpecifier) {
      specifier(statement.moduleSpecifier);
      const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
      if (ts.isStringLiteralLike(statement.moduleSpecifier) && statement.moduleSpecifier.text === HONO_CF && bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if ((element.propertyName ?? element.name).text !== 'serveStatic') continue;
          report({ start: element.getStart(sf), end: element.end, messageId: 'honoServeStatic' });
        }
      }
    }
  }
  for (const call of calls) {
    const callee = call.expression;
    const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
    if ((isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) && call.arguments[0]) specifier(call.arguments[0]);
  }
}
