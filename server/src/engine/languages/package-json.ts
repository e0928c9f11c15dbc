// File kind `package`: package.json (deploy scripts), parsed as JSONC; JSON has no comments, so no disable comments.
import { parsePackageJson, type PackageModel } from '../parse/package-json';
import { baseName, type Language } from './language';

/** package.json files. */
export const packageLanguage: Language<PackageModel> = {
  kind: 'package',
  description: 'package.json',
  match: (path) => baseName(path) === 'package.json',
  comments: [],
  lineComment: () => undefined,
  parse: (_path, text) => parsePackageJson(text),
  errors: (model) => model.errors.slice(0, 5),
  reportErrors: 'always',
  editor: { selectorLanguages: [], selectorGlobs: ['**/package.json'], watchGlobs: ['**/package.json'], activationLanguages: ['json'] },
};
