// lintFile: parse once, run the rules whose kind matches, apply disable comments and severities; fixFile on top of it.
import { codeCacheControlSites, headersFileCacheControlSites } from './domain/cache-control/cc-sites';
import { emptyFacts, type FileFacts } from './project/facts';
import { mayCallUndeclaredBinding, unresolvedBindingNote } from './domain/kv/kv-unresolved';
import { emptyConfig, type EdgelintConfig, type RuleSetting } from './config';
import { formatMessage, type ReportDescriptor, type Rule, type RuleContext } from './define-rule';
import { fileKind } from './file-kind';
import { fixUntilStable } from './fixer';
import { languageOf, type Models } from './languages';
import { directiveProblems, type DirectiveChecks } from './directive-problems';
import { nestingError } from './parse/nesting';
import { messageSeverity } from './message-severity';
import { suppress } from './suppressions';
import { syntaxErrors } from './syntax-errors';
import { FILE_ERROR, PARSE_ERROR, type FileKind, type LintResult, type Problem, type SeveritySetting, type SuppressedProblem } from './types';
import { redactSecrets } from './redact';

/** Inputs of one lint. The engine never reads files itself: text and facts come from the caller. */
export interface LintInput {
  path: string;
  text: string;
  rules: readonly Rule[];
  facts?: FileFacts;
  config?: EdgelintConfig;
  /** Severity overrides on top of the config (CLI --rule, editor settings). */
  overrides?: ReadonlyMap<string, RuleSetting>;
  /** The kind when the path's name does not tell it (a file recognised by content); default: `fileKind(path)`. */
  kind?: FileKind;
  /** Rule ids a disable comment may name (default: the ids of `rules`); others are reported as unknown. */
  knownRules?: ReadonlySet<string>;
  /** Reports disable comments that silenced nothing (CLI flag); overrides the config's `reportUnusedDisableDirectives`. */
  reportUnusedDisableDirectives?: SeveritySetting;
  /** The file is test or fixture code (`isTestPath`): the config's `tests` mode applies (default: findings at info). */
  testCode?: boolean;
  /** Observes the lint (CLI `--debug`): rule timings and whether the file was parsed. Never changes results. */
  trace?: LintTrace;
}

/** What `--debug` learns from one lint; `now` is the caller's clock (the engine reads none). */
export interface LintTrace {
  now(): number;
  /** A rule finished: its time, and whether its pre-parse filter (`mayApply`) ruled the file out. */
  rule(ruleId: string, ms: number, ruledOut: boolean): void;
  /** The rule pass ended: how many rules were enabled for the file, and whether any of them parsed it. */
  done(enabled: number, parsed: boolean): void;
}

/** Lints one file's text. Never throws: a failing rule becomes one "internal error" problem. */
export function lintFile(input: LintInput): LintResult {
  const kind = input.kind ?? fileKind(input.path);
  if (!kind) return { path: input.path, kind, problems: [] };
  if (input.text.includes('\u0000')) {
    return { path: input.path, kind, problems: [{ ruleId: FILE_ERROR, severity: 'error', message: 'Binary file (contains NUL bytes); not linted.', start: 0, end: 0, fatal: true }] };
  }
  const tooDeep = nestingError(input.text);
  if (tooDeep) return { path: input.path, kind, problems: [{ ruleId: FILE_ERROR, severity: 'error', ...tooDeep, fatal: true }] };
  const facts = input.facts ?? emptyFacts();
  const config = input.config ?? emptyConfig();
  const testsMode = input.testCode ? config.tests ?? 'info' : 'normal';
  const enabled = testsMode === 'off' ? []
    : input.rules.filter((rule) => rule.kinds.includes(kind) && settingFor(rule, config, input.overrides).severity !== 'off');
  const parsed = new ParsedFile(input.path, input.text, kind);
  const problems: Problem[] = [];
  for (const rule of enabled) problems.push(...runRule(rule, parsed, facts, settingFor(rule, config, input.overrides), input.trace));
  input.trace?.done(enabled.length, parsed.isParsed());
  // Test and fixture code: rule findings are lowered to info by default (config "tests"; issue 7 §2).
  if (testsMode === 'info') for (const p of problems) p.severity = 'info';
  problems.push(...parsed.alwaysReported(), ...parsed.parseFailure());
  // The note says the KV rules skipped a call: only when some KV rule runs here (not for `tests: off`, or all KV rules off).
  const kvRules = enabled.some((rule) => rule.id.startsWith('kv-'));
  if (kind === 'worker' && kvRules && (parsed.isParsed() || mayCallUndeclaredBinding(input.text, facts))) problems.push(...unresolvedBindingNote(parsed.worker(), facts));
  const checks = {
    knownRules: input.knownRules ?? new Set(input.rules.map((r) => r.id)),
    unused: testsMode === 'off' ? 'off' : input.reportUnusedDisableDirectives ?? config.reportUnusedDisableDirectives ?? 'off',
  };
  return { path: input.path, kind, ...finish(input.text, kind, problems, checks) };
}

/**
 * Lints and applies fixes until stable (max 10 passes); returns the fixed text and the remaining problems. A file with a
 * fatal problem or a syntax error is never fixed (as ESLint): offsets from a recovered parse may rewrite unrelated code.
 */
export function fixFile(input: LintInput): { text: string; passes: number; problems: Problem[] } {
  const kind = input.kind ?? fileKind(input.path);
  return fixUntilStable(input.text, (text) => lintFile({ ...input, text }).problems,
    (text, problems) => !problems.some((p) => p.fatal) && syntaxErrors(input.path, text, kind).length === 0);
}

function settingFor(rule: Rule, config: EdgelintConfig, overrides: ReadonlyMap<string, RuleSetting> | undefined): RuleSetting & { explicit: boolean } {
  const override = overrides?.get(rule.id);
  const configured = config.rules.get(rule.id);
  const chosen = override ?? configured;
  return {
    severity: chosen?.severity ?? (rule.enabledByDefault === false ? 'off' : rule.defaultSeverity),
    options: { ...(rule.defaultOptions as object), ...(configured?.options ?? {}), ...(override?.options ?? {}) },
    explicit: !!chosen,
  };
}

function runRule(rule: Rule, parsed: ParsedFile, facts: FileFacts, setting: RuleSetting & { explicit: boolean }, trace?: LintTrace): Problem[] {
  if (!trace) return runRuleUntraced(rule, parsed, facts, setting);
  const started = trace.now();
  let ruledOut = false;
  const problems = runRuleUntraced(rule, parsed, facts, setting, () => { ruledOut = true; });
  trace.rule(rule.id, trace.now() - started, ruledOut);
  return problems;
}

function runRuleUntraced(rule: Rule, parsed: ParsedFile, facts: FileFacts, setting: RuleSetting & { explicit: boolean }, onRuledOut?: () => void): Problem[] {
  const problems: Problem[] = [];
  const context: RuleContext = {
    path: parsed.path, text: parsed.text, kind: parsed.kind, options: setting.options ?? {}, facts,
    worker: () => parsed.worker(), wrangler: () => parsed.wrangler(), headersFile: () => parsed.headers(),
    packageJson: () => parsed.packageJson(), workflow: () => parsed.workflow(), shell: () => parsed.shell(),
    cacheControlSites: () => parsed.cacheControlSites(),
    report: (d: ReportDescriptor) => {
      const template = rule.messages[d.messageId];
      if (template === undefined) throw new Error(`unknown messageId "${d.messageId}"`);
      // The contract is enforced, not trusted (as ESLint): --fix applies fixes silently, so only declared fixers may fix.
      if (d.fix && !rule.fixable) throw new Error('reported a fix but the rule is not declared `fixable`');
      if (d.suggestions?.length && !rule.hasSuggestions) throw new Error('reported suggestions but the rule does not declare `hasSuggestions`');
      const severity = setting.explicit ? setting.severity : d.severity ?? messageSeverity(rule, d.messageId);
      if (severity === 'off') return;
      problems.push({
        ruleId: rule.id, messageId: d.messageId, severity, message: formatMessage(template, d.data),
        start: d.start, end: Math.max(d.start, d.end),
        ...(d.fix ? { fix: d.fix } : {}), ...(d.suggestions?.length ? { suggestions: d.suggestions } : {}),
        ...(d.sensitive?.length ? { sensitive: d.sensitive } : {}),
        ...(d.related?.length ? { related: d.related } : {}),
      });
    },
  };
  try {
    if (rule.mayApply && !rule.mayApply(parsed.text, facts, parsed.kind)) {
      onRuledOut?.();
      return [];
    }
    rule.check(context);
    return problems;
  } catch (error) {
    if (error instanceof ParseFailed) return [];
    const detail = error instanceof Error ? error.message : String(error);
    return [{ ruleId: rule.id, severity: 'error', message: `internal error in ${rule.id}: ${detail}. Please report it; other rules still ran.`, start: 0, end: 0 }];
  }
}

function finish(text: string, kind: FileKind, problems: Problem[], checks: DirectiveChecks): { problems: Problem[]; suppressed: SuppressedProblem[] } {
  const seen = new Set<string>();
  const unique = problems.map((p) => redacted(insideText(p, text.length))).filter((p) => {
    const key = `${p.ruleId}|${p.start}|${p.end}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const result = suppress(text, kind, unique);
  const reported = [...result.problems, ...directiveProblems(text, result.directives, result.used, checks).map(redacted)];
  return { problems: reported.sort(byPosition), suppressed: result.suppressed.sort(byPosition) };
}

/** The problem with its range clamped into the text (a parser or rule may point one past the end): editors and formatters rely on it. */
function insideText(p: Problem, length: number): Problem {
  if (p.start >= 0 && p.start <= p.end && p.end <= length) return p;
  const start = Math.min(Math.max(p.start, 0), length);
  return { ...p, start, end: Math.min(Math.max(p.end, start), length) };
}

/** The problem with secrets redacted from every text that may quote the file (parser messages, related notes, fix titles). */
function redacted(p: Problem): Problem {
  const message = redactSecrets(p.message);
  const related = p.related?.map((r) => ({ ...r, message: redactSecrets(r.message) }));
  const titled = <T extends { title: string }>(f: T): T => ({ ...f, title: redactSecrets(f.title) });
  return {
    ...p, message,
    ...(related ? { related } : {}),
    ...(p.fix ? { fix: titled(p.fix) } : {}),
    ...(p.suggestions ? { suggestions: p.suggestions.map(titled) } : {}),
  };
}

function byPosition(a: Problem, b: Problem): number {
  return a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId);
}

/** Lazily parsed views of one file, shared by all rules of one lint; parsers come from the LANGUAGES table. */
class ParsedFile {
  private cache = new Map<string, unknown>();

  constructor(readonly path: string, readonly text: string, readonly kind: FileKind) {}

  private once<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  /** The model of this file's kind; a rule asking for another kind's model is a bug (it throws, the engine contains it). */
  private model<K extends FileKind>(kind: K): Models[K] {
    if (this.kind !== kind) throw new Error(`a rule asked for a ${kind} parse of a ${this.kind} file`);
    if (this.failure) throw this.failure;
    try {
      return this.once(kind, () => languageOf(kind).parse(this.path, this.text));
    } catch (error) {
      // A parser that runs out of stack (nesting without brackets: `if (a) if (a) …`, a 20,000-term `+` chain) fails the
      // file once, not every rule with an internal error; the rules that need the tree are skipped.
      this.failure = new ParseFailed(error);
      throw this.failure;
    }
  }

  private failure: ParseFailed | undefined;

  /** One file problem when the parser failed. */
  parseFailure(): Problem[] {
    if (!this.failure) return [];
    return [{ ruleId: FILE_ERROR, severity: 'error', message: this.failure.message, start: 0, end: 0, fatal: true }];
  }

  /** True when some rule parsed the file (notes that need the tree never force a parse). */
  isParsed(): boolean { return this.cache.has(this.kind); }

  worker() { return this.model('worker'); }
  wrangler() { return this.model('wrangler'); }
  headers() { return this.model('headers'); }
  packageJson() { return this.model('package'); }
  workflow() { return this.model('workflow'); }
  shell() { return this.model('shell'); }

  cacheControlSites() {
    if (this.kind === 'worker') return codeCacheControlSites(this.worker());
    if (this.kind === 'headers') return headersFileCacheControlSites(this.headers());
    return [];
  }

  /**
   * The kind's own syntax errors: config-like files always (a broken config must never pass silently), JS/TS only when a
   * rule parsed the file (TypeScript recovers, so the rules still ran).
   */
  alwaysReported(): Problem[] {
    const language = languageOf(this.kind);
    if (language.reportErrors === 'when-parsed' && !this.cache.has(this.kind)) return [];
    try {
      this.model(this.kind);
    } catch {
      return [];
    }
    return (language as { errors(model: unknown): { message: string; start: number; end: number }[] }).errors(this.model(this.kind))
      .map((e) => ({ ruleId: PARSE_ERROR, severity: 'error' as const, message: e.message, start: e.start, end: e.end, fatal: true }));
  }
}

/** The file's parser threw; the message says what that means for the user. */
class ParseFailed extends Error {
  constructor(cause: unknown) {
    super(cause instanceof RangeError ? 'Nested too deeply to analyse (the parser ran out of stack); not analysed.'
      : `Could not be parsed (${cause instanceof Error ? cause.message : String(cause)}); not analysed.`);
  }
}
