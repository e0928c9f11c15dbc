// The shape of one file kind's table entry: how it is matched, its comment syntax, parser, always-reported errors, editor globs.
import type { FileKind } from '../types';

/** A syntax error a language reports on its own (offsets in the file). */
export interface LanguageError {
  message: string;
  start: number;
  end: number;
}

/** Comment syntaxes for `edgelint-disable*` comments: `//` also covers block comments. */
export type CommentSyntax = '//' | '#';

/** How the editor side finds files of this kind (derived into the LSP watchers, the client's selector and the manifest). */
export interface EditorInfo {
  /** VS Code language ids the client's document selector lists (files picked by language). */
  selectorLanguages: readonly string[];
  /** Glob patterns the client's document selector lists (files picked by name). */
  selectorGlobs: readonly string[];
  /** Globs the language server watches (facts and the workspace pass); empty for kinds found by the workspace walk only. */
  watchGlobs: readonly string[];
  /** `onLanguage:` activation events: the language ids these files usually open as. */
  activationLanguages: readonly string[];
  /** True when a file of this kind in a workspace activates the extension (`workspaceContains:`). */
  activatesWorkspace?: boolean;
  /** A language the extension itself contributes (`contributes.languages`). */
  contributes?: { id: string; filenames: readonly string[] };
}

/** One file kind. `Model` is what its parser returns. */
export interface Language<Model = unknown> {
  kind: FileKind;
  /** For messages and docs: `Worker source (JS/TS)`, `shell script`. */
  description: string;
  /** True for paths of this kind (`/`-separated). */
  match(path: string): boolean;
  /** For a file named explicitly whose name matches no kind: true when its content says it is of this kind. */
  sniff?(text: string, path: string): boolean;
  /** Comment syntaxes disable comments may use in this kind. */
  comments: readonly CommentSyntax[];
  /** The comment prefix of an inserted "disable for this line" comment (undefined: the kind has no comments). */
  lineComment(path: string): CommentSyntax | undefined;
  parse(path: string, text: string): Model;
  /** Syntax errors that are reported whatever rules run (capped and worded here). */
  errors(model: Model): LanguageError[];
  /** `always`: the file is parsed for its errors even when no rule needs it; `when-parsed`: only if a rule parsed it. */
  reportErrors: 'always' | 'when-parsed';
  editor: EditorInfo;
}

/** The last path segment. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
