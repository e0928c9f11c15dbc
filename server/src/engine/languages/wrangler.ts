// File kind `wrangler`: wrangler.toml|json|jsonc and environment variants (wrangler.staging.toml, wrangler-dev.jsonc).
import { parseWrangler, type WranglerConfig } from '../parse/wrangler';
import { baseName, type Language } from './language';

const NAME = /^wrangler(?:[.-][^/]+)?\.(toml|json|jsonc)$/;
const GLOBS = ['**/wrangler.{toml,json,jsonc}', '**/wrangler.*.{toml,json,jsonc}', '**/wrangler-*.{toml,json,jsonc}'];

/** Wrangler config files; TOML takes `#` comments, JSON/JSONC `//`. */
export const wranglerLanguage: Language<WranglerConfig> = {
  kind: 'wrangler',
  description: 'wrangler config',
  match: (path) => NAME.test(baseName(path)),
  sniff: (text, path) => /\.(toml|jsonc?)$/.test(path) && /^\s*"?compatibility_date"?\s*[=:]/m.test(text),
  comments: ['//', '#'],
  lineComment: (path) => (/\.jsonc?$/.test(path) ? '//' : '#'),
  parse: (path, text) => parseWrangler(path, text),
  errors: (model) => model.errors.slice(0, 5),
  reportErrors: 'always',
  editor: { selectorLanguages: [], selectorGlobs: GLOBS, watchGlobs: GLOBS, activationLanguages: ['toml', 'json', 'jsonc'], activatesWorkspace: true },
};
