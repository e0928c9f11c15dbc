// Shared engine types: file kinds, problems, fixes (pure data, 0-based UTF-16 offsets).

/** Severity of a reported problem. */
export type Severity = 'error' | 'warn' | 'info';
/** Severity as configured: a severity or `off`. */
export type SeveritySetting = Severity | 'off';

/** The kinds of file edgelint understands. */
export type FileKind = 'worker' | 'wrangler' | 'headers' | 'package' | 'workflow' | 'edgelint-config' | 'shell';

/** One text replacement: replace `text[start, end)` with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A fix or suggestion: a titled set of non-overlapping edits. Fixes are data, never closures. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** Another place that belongs to the same cause (LSP `relatedInformation`, SARIF `relatedLocations`). */
export interface RelatedLocation {
  message: string;
  start: number;
  end: number;
  /** Absolute path of the file it is in, when not the problem's own file. */
  path?: string;
  /** 0-based start/end positions, given with `path` (adapters do not have the other file's text to map offsets). */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** A problem found in a file. Offsets are 0-based UTF-16 code units, `end` exclusive. */
export interface Problem {
  ruleId: string;
  messageId?: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** Certainly-safe edit, applied by `--fix` and fix-on-save. */
  fix?: Fix;
  /** Edits the user picks; they may change caching behaviour. */
  suggestions?: Fix[];
  /** Other places of the same cause (e.g. the imports behind a config finding). */
  related?: RelatedLocation[];
  /** True for problems that stopped the file from being analysed (parse/read errors). */
  fatal?: boolean;
  /** Text ranges that no output may print (a secret's value): formatters must not copy source text from them. */
  sensitive?: { start: number; end: number }[];
}

/** Why a problem was not reported (ESLint's shape): a disable comment, with the text after its ` -- `. */
export interface Suppression {
  kind: 'directive';
  justification: string;
}

/** A problem a disable comment silenced (ESLint's `suppressedMessages` entries). */
export interface SuppressedProblem extends Problem {
  suppressions: Suppression[];
}

/** Problems found in one file. */
export interface LintResult {
  path: string;
  kind: FileKind | undefined;
  problems: Problem[];
  /** Problems silenced by disable comments (not reported; JSON output lists them as `suppressedMessages`). */
  suppressed?: SuppressedProblem[];
}

/** Pseudo rule ids for problems that do not come from a rule. */
export const PARSE_ERROR = 'parse-error';
export const CONFIG_ERROR = 'config-error';
export const FILE_ERROR = 'file-error';
/** Info note: KV-like calls on a binding no config, type or call shape declares, so KV rules could not check them. */
export const UNRESOLVED_BINDING = 'kv-binding-unresolved';
/** Pseudo rule id of a disable comment that silenced nothing (`reportUnusedDisableDirectives`). */
export const UNUSED_DIRECTIVE = 'unused-disable-directive';
