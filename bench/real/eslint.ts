// The ESLint baseline: ESLint + typescript-eslint's parser with one trivial rule (no-debugger) over the same JS/TS files,
// run from the scratch folder where the bench installed them (never a project dependency). Files the CLI skips for their
// size (over --max-file-size) are ignored here too.
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { measureNode, type ProcessRun } from './measure';

/** Runs ESLint over `roots` as one whole process; undefined when ESLint is not installed in `scratch`. */
export function eslintRun(scratch: string, roots: readonly string[], skipped: readonly string[] = []): ProcessRun | undefined {
  const bin = join(scratch, 'node_modules', 'eslint', 'bin', 'eslint.js');
  if (!existsSync(bin) || !existsSync(join(scratch, 'node_modules', 'typescript-eslint'))) return undefined;
  const config = join(scratch, 'eslint.bench.config.mjs');
  writeFileSync(config, `// Written by edgelint's bench: typescript-eslint's parser, one trivial rule.
import tseslint from 'typescript-eslint';
export default [{ ignores: ${JSON.stringify(skipped.map((p) => relative(scratch, p)))} }, {
  files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
  languageOptions: { parser: tseslint.parser, sourceType: 'module' },
  linterOptions: { reportUnusedDisableDirectives: 'off' },
  rules: { 'no-debugger': 'error' },
}];
`);
  return measureNode([bin, '--config', config, '--no-warn-ignored', '--no-inline-config', '--format', 'json', ...roots], scratch);
}
