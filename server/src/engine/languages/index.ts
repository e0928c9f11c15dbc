// LANGUAGES: the table of file kinds. fileKind, disable-comment syntax, ParsedFile parsing, LSP watcher globs, the VS Code
// client's document selector and the package.json manifest all derive from (or are tested against) this one list.
import type { FileKind } from '../types';
import { edgelintConfigLanguage } from './edgelint-config';
import { headersLanguage } from './headers';
import type { Language } from './language';
import { packageLanguage } from './package-json';
import { shellLanguage } from './shell';
import { workerLanguage } from './worker';
import { workflowLanguage } from './workflow';
import { wranglerLanguage } from './wrangler';

export type { CommentSyntax, EditorInfo, Language, LanguageError } from './language';

/** The parsed model of each kind. */
export interface Models {
  worker: ReturnType<typeof workerLanguage.parse>;
  wrangler: ReturnType<typeof wranglerLanguage.parse>;
  headers: ReturnType<typeof headersLanguage.parse>;
  package: ReturnType<typeof packageLanguage.parse>;
  workflow: ReturnType<typeof workflowLanguage.parse>;
  shell: ReturnType<typeof shellLanguage.parse>;
  'edgelint-config': undefined;
}

/** Every kind, keyed by kind (the type forces one entry per FileKind). */
const BY_KIND: { [K in FileKind]: Language<Models[K]> } = {
  worker: workerLanguage,
  wrangler: wranglerLanguage,
  package: packageLanguage,
  'edgelint-config': edgelintConfigLanguage,
  headers: headersLanguage,
  workflow: workflowLanguage,
  shell: shellLanguage,
};

/** The table, in the order editor globs are listed. */
export const LANGUAGES: readonly Language[] = Object.values(BY_KIND) as Language[];

/** The table entry of a kind. */
export function languageOf<K extends FileKind>(kind: K): Language<Models[K]> {
  return BY_KIND[kind];
}

/** The kind whose `match` accepts the path (`\` or `/` separators), or undefined. */
export function kindOfPath(path: string): FileKind | undefined {
  const normalized = path.replace(/\\/g, '/');
  return LANGUAGES.find((l) => l.match(normalized))?.kind;
}

/** For a file named explicitly: the kind by name, else by content (a shebang, a top-level `jobs:`…), else undefined. */
export function kindOfFile(path: string, text: string): FileKind | undefined {
  const normalized = path.replace(/\\/g, '/');
  return kindOfPath(normalized) ?? LANGUAGES.find((l) => l.sniff?.(text, normalized))?.kind;
}

const unique = (items: string[]) => [...new Set(items)];

/** Globs the language server watches. */
export function watchedGlobs(): string[] {
  return unique(LANGUAGES.flatMap((l) => l.editor.watchGlobs));
}

/** The VS Code client's document selector: by language id, then by file pattern (scheme `file`). */
export function documentSelector(): { scheme: 'file'; language?: string; pattern?: string }[] {
  return [
    ...unique(LANGUAGES.flatMap((l) => l.editor.selectorLanguages)).map((language) => ({ scheme: 'file' as const, language })),
    ...unique(LANGUAGES.flatMap((l) => l.editor.selectorGlobs)).map((pattern) => ({ scheme: 'file' as const, pattern })),
  ];
}

/** The manifest's `activationEvents`. */
export function activationEvents(): string[] {
  return unique([
    ...LANGUAGES.filter((l) => l.editor.activatesWorkspace).flatMap((l) => l.editor.selectorGlobs.map((g) => `workspaceContains:${g}`)),
    ...LANGUAGES.flatMap((l) => l.editor.activationLanguages).map((id) => `onLanguage:${id}`),
  ]);
}
