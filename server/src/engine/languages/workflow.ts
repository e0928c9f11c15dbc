// File kind `workflow`: GitHub Actions workflows (`.github/workflows/*.yml|yaml`), parsed with `yaml`, `#` comments.
import { parseWorkflow, type WorkflowModel } from '../parse/workflow';
import type { Language } from './language';

const GLOB = '**/.github/workflows/*.{yml,yaml}';

/** CI workflows (deploy steps, scheduled jobs). */
export const workflowLanguage: Language<WorkflowModel> = {
  kind: 'workflow',
  description: 'GitHub Actions workflow',
  match: (path) => /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path),
  sniff: (text, path) => /\.ya?ml$/.test(path) && /^on:/m.test(text) && /^jobs:/m.test(text),
  comments: ['#'],
  lineComment: () => '#',
  parse: (_path, text) => parseWorkflow(text),
  errors: (model) => model.errors.slice(0, 5),
  reportErrors: 'always',
  editor: { selectorLanguages: [], selectorGlobs: [GLOB], watchGlobs: [GLOB], activationLanguages: ['yaml'] },
};
