// The client's document selector as plain data (no imports, so the client bundle stays small); a meta test checks it
// against the LANGUAGES table of the server (server/src/engine/languages).

/** Every file edgelint lints: Worker sources and `_headers` by language, config files and scripts by name. */
export const DOCUMENT_SELECTOR_DATA: readonly { scheme: 'file'; language?: string; pattern?: string }[] = [
  { scheme: 'file', language: 'javascript' },
  { scheme: 'file', language: 'typescript' },
  { scheme: 'file', language: 'javascriptreact' },
  { scheme: 'file', language: 'typescriptreact' },
  { scheme: 'file', language: 'cloudflare-headers' },
  { scheme: 'file', pattern: '**/wrangler.{toml,json,jsonc}' },
  { scheme: 'file', pattern: '**/wrangler.*.{toml,json,jsonc}' },
  { scheme: 'file', pattern: '**/wrangler-*.{toml,json,jsonc}' },
  { scheme: 'file', pattern: '**/package.json' },
  { scheme: 'file', pattern: '**/.edgelintrc.json' },
  { scheme: 'file', pattern: '**/.edgelintrc' },
  { scheme: 'file', pattern: '**/_headers' },
  { scheme: 'file', pattern: '**/.github/workflows/*.{yml,yaml}' },
  { scheme: 'file', pattern: '**/*.{sh,bash}' },
];
