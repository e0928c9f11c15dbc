// File kind `worker`: JavaScript/TypeScript sources (not .d.ts), parsed with the TypeScript compiler API, `//` comments.
import { parseWorker, type WorkerModel } from '../parse/worker';
import { baseName, type Language } from './language';

const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.tsx', '.jsx'];
const JS_LANGUAGES = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'];

/** Worker sources (and scripts in JS/TS). */
export const workerLanguage: Language<WorkerModel> = {
  kind: 'worker',
  description: 'Worker source (JS/TS)',
  match: (path) => {
    const base = baseName(path);
    return !/\.d\.[mc]?ts$/.test(base) && SOURCE_EXTENSIONS.some((ext) => base.endsWith(ext));
  },
  sniff: (text) => /^#!.*\b(node|deno|bun|tsx|ts-node|zx)\b/.test(text),
  comments: ['//'],
  lineComment: () => '//',
  parse: (path, text) => parseWorker(path, text),
  // TypeScript recovers from syntax errors, so rules still ran: the first error is enough.
  errors: (model) => model.syntaxErrors.slice(0, 1).map((e) => ({ ...e, message: `Syntax error: ${e.message}` })),
  reportErrors: 'when-parsed',
  editor: { selectorLanguages: JS_LANGUAGES, selectorGlobs: [], watchGlobs: [], activationLanguages: JS_LANGUAGES },
};
