// File kind `shell`: shell scripts (`*.sh`, `*.bash`, or a `#!/bin/sh|bash` file named on the command line), `#` comments.
import { parseShellScript, type ShellScript } from '../parse/shell-script';
import type { Language } from './language';

const GLOB = '**/*.{sh,bash}';

/** Shell scripts (deploy and warm-up scripts). An unterminated quote is always reported: the script cannot run. */
export const shellLanguage: Language<ShellScript> = {
  kind: 'shell',
  description: 'shell script',
  match: (path) => /\.(sh|bash)$/.test(path),
  sniff: (text) => /^#!\S*\/(?:env\s+)?(?:ba|da)?sh\b/.test(text),
  comments: ['#'],
  lineComment: () => '#',
  parse: (_path, text) => parseShellScript(text),
  errors: (model) => model.errors,
  reportErrors: 'always',
  editor: { selectorLanguages: [], selectorGlobs: [GLOB], watchGlobs: [GLOB], activationLanguages: ['shellscript'] },
};
