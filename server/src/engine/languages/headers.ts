// File kind `headers`: Cloudflare's `_headers` file (static assets and Pages), own parser, `#` comments.
import { parseHeadersFile, type HeadersFile } from '../parse/headers-file';
import { baseName, type Language } from './language';

/** `_headers`; its syntax problems are the `headers-syntax` rule's, so none are always reported. */
export const headersLanguage: Language<HeadersFile> = {
  kind: 'headers',
  description: '_headers file',
  match: (path) => baseName(path) === '_headers',
  comments: ['#'],
  lineComment: () => '#',
  parse: (_path, text) => parseHeadersFile(text),
  errors: () => [],
  reportErrors: 'always',
  editor: {
    selectorLanguages: ['cloudflare-headers'], selectorGlobs: ['**/_headers'], watchGlobs: ['**/_headers'], activationLanguages: ['cloudflare-headers'],
    contributes: { id: 'cloudflare-headers', filenames: ['_headers'] },
  },
};
