// File kind `edgelint-config`: `.edgelintrc.json` / `.edgelintrc`; its problems come from the config parser (project.ts).
import { baseName, type Language } from './language';

/** edgelint's own config file; no rule targets it, its config problems are added by the adapters' front door. */
export const edgelintConfigLanguage: Language<undefined> = {
  kind: 'edgelint-config',
  description: 'edgelint config',
  match: (path) => baseName(path) === '.edgelintrc.json' || baseName(path) === '.edgelintrc',
  comments: ['//'],
  lineComment: () => '//',
  parse: () => undefined,
  errors: () => [],
  reportErrors: 'always',
  editor: { selectorLanguages: [], selectorGlobs: ['**/.edgelintrc.json', '**/.edgelintrc'], watchGlobs: ['**/.edgelintrc.json', '**/.edgelintrc'], activationLanguages: ['json', 'jsonc'] },
};
