// lintFile: parse once, run the rules whose kind matches, apply disable comments and severities; fixFile on top of it.
import { codeCacheControlSites, headersFileCacheControlSites } from './analysis/cc-sites';
import { emptyFacts, type FileFacts } from './analysis/facts';
import { emptyConfig, type EdgelintConfig, type RuleSetting } from './config';
import { formatMessage, type ReportDescriptor, type Rule, type RuleContext } from './define-rule';
import { fileKind } from './file-kind';
import { fixUntilStable } from './fixer';
import { parseHeadersFile, type HeadersFile } from './parse/headers-file';
import { parsePackageJson, type PackageModel } from './parse/package-json';
import { parseWorker, type WorkerModel } from './parse/worker';
import { parseWorkflow, type WorkflowModel } from './parse/workflow';
import { parseWrangler, type WranglerConfig } from './parse/wrangler';
import { directiveProblems, type DirectiveChecks } from './directive-problems';
import { suppress } from './suppressions';
import { syntaxErrors } from './syntax-errors';
import { FILE_ERROR, PARSE_ERROR, type FileKind, type LintResult, type Problem, type SeveritySetting, type SuppressedProblem } from './types';

/** Inputs of one lint. The engine never reads files itself: text and facts come from the caller. */
export interface LintInput {
  path: string;
  text: string;
  rules: readonly Rule[];
  facts?: FileFacts;
  config?: EdgelintConfig;
  /** Severity overrides on top of the config (CLI --rule, editor settings). */
  overrides?: ReadonlyMap<string, RuleSetting>;
  /** Rule ids a disable comment may name (default: the ids of `rules`); others are reported as unknown. */
  knownRules?: ReadonlySet<string>;
  /** Reports disable comments that silenced nothing (CLI flag); overrides the config's `reportUnusedDisableDirectives`. */
  reportUnusedDisableDirectives?: SeveritySetting;
}

/** Lints one file's text. Never throws: a failing rule becomes one "internal error" problem. */
export function lintFile(input: LintInput): LintResult {
  const kind = fileKind(input.path);
  if (!kind) return { path: input.path, kind, problems: [] };
  if (input.text.includes('\u0000')) {
    return { path: input.path, kind, problems: [{ ruleId: FILE_ERROR, severity: 'error', message: 'Binary file (contains NUL bytes); not linted.', start: 0, end: 0, fatal: true }] };
  }
  const facts = input.facts ?? emptyFacts();
  const config = input.config ?? emptyConfig();
  const enabled = input.rules.filter((rule) => rule.kinds.includes(kind) && settingFor(rule, config, input.overrides).severity !== 'off');
  const parsed = new ParsedFile(input.path, input.text, kind);
  const problems: Problem[] = [...parsed.alwaysReported()];
  for (const rule of enabled) problems.push(...runRule(rule, parsed, facts, settingFor(rule, config, input.overrides)));
  if (kind === 'worker' && parsed.hasWorker()) problems.push(...parsed.workerSyntaxErrors());
  const checks = {
    knownRules: input.knownRules ?? new Set(input.rules.map((r) => r.id)),
    unused: input.reportUnusedDisableDirectives ?? config.reportUnusedDisableDirectives ?? 'off',
  };
  return { path: input.path, kind, ...finish(input.text, kind, problems, checks) };
}

/**
 * Lints and applies fixes until stable (max 10 passes); returns the fixed text and the remaining problems. A file with a
 * fatal problem or a syntax error is never fixed (as ESLint): offsets from a recovered parse may rewrite unrelated code.
 */
export function fixFile(input: LintInput): { text: string; passes: number; problems: Problem[] } {
  const kind = fileKind(input.path);
  return fixUntilStable(input.text, (text) => lintFile({ ...input, text }).problems,
    (text, problems) => !problems.some((p) => p.fatal) && syntaxErrors(input.path, text, kind).length === 0);
}

function settingFor(rule: Rule, config: EdgelintConfig, overrides: ReadonlyMap<string, RuleSetting> | undefined): RuleSetting & { explicit: boolean } {
  const override = overrides?.get(rule.id);
  const configured = config.rules.get(rule.id);
  const chosen = override ?? configured;
  return {
    severity: chosen?.severity ?? rule.defaultSeverity,
    options: { ...(rule.defaultOptions as object), ...(configured?.options ?? {}), ...(override?.options ?? {}) },
    explicit: !!chosen,
  };
}

function runRule(rule: Rule, parsed: ParsedFile, facts: FileFacts, setting: RuleSetting & { explicit: boolean }): Problem[] {
  const problems: Problem[] = [];
  const context: RuleContext = {
    path: parsed.path, text: parsed.text, kind: parsed.kind, options: setting.options ?? {}, facts,
    worker: () => parsed.worker(), wrangler: () => parsed.wrangler(), headersFile: () => parsed.headers(),
    packageJson: () => parsed.packageJson(), workflow: () => parsed.workflow(),
    cacheControlSites: () => parsed.cacheControlSites(),
    report: (d: ReportDescriptor) => {
      const template = rule.messages[d.messageId];
      if (template === undefined) throw new Error(`unknown messageId "${d.messageId}"`);
      // The contract is enforced, not trusted (as ESLint): --fix applies fixes silently, so only declared fixers may fix.
      if (d.fix && !rule.fixable) throw new Error('reported a fix but the rule is not declared `fixable`');
      if (d.suggestions?.length && !rule.hasSuggestions) throw new Error('reported suggestions but the rule does not declare `hasSuggestions`');
      const severity = setting.explicit ? setting.severity : d.severity ?? setting.severity;
      if (severity === 'off') return;
      problems.push({
        ruleId: rule.id, messageId: d.messageId, severity, message: formatMessage(template, d.data),
        start: d.start, end: Math.max(d.start, d.end),
        ...(d.fix ? { fix: d.fix } : {}), ...(d.suggestions?.length ? { suggestions: d.suggestions } : {}),
      });
    },
  };
  try {
    if (rule.mayApply && !rule.mayApply(parsed.text, facts)) return [];
    rule.check(context);
    return problems;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [{ ruleId: rule.id, severity: 'error', message: `internal error in ${rule.id}: ${detail}. Please report it; other rules still ran.`, start: 0, end: 0 }];
  }
}

function finish(text: string, kind: FileKind, problems: Problem[], checks: DirectiveChecks): { problems: Problem[]; suppressed: SuppressedProblem[] } {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.ruleId}|${p.start}|${p.end}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const result = suppress(text, kind, unique);
  const reported = [...result.problems, ...directiveProblems(text, result.directives, result.used, checks)];
  return { problems: reported.sort(byPosition), suppressed: result.suppressed.sort(byPosition) };
}

function byPosition(a: Problem, b: Problem): number {
  return a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId);
}

/** Lazily parsed views of one file, shared by all rules of one lint. */
class ParsedFile {
  private cache = new Map<string, unknown>();

  constructor(readonly path: string, readonly text: string, readonly kind: FileKind) {}

  private once<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  hasWorker(): boolean {
    return this.cache.has('worker');
  }

  worker(): WorkerModel {
    this.expect('worker');
    return this.once('worker', () => parseWorker(this.path, this.text));
  }

  wrangler(): WranglerConfig {
    this.expect('wrangler');
    return this.once('wrangler', () => parseWrangler(this.path, this.text));
  }

  headers(): HeadersFile {
    this.expect('headers');
    return this.once('headers', () => parseHeadersFile(this.text));
  }

  packageJson(): PackageModel {
    this.expect('package');
    return this.once('package', () => parsePackageJson(this.text));
  }

  workflow(): WorkflowModel {
    this.expect('workflow');
    return this.once('workflow', () => parseWorkflow(this.text));
  }

  cacheControlSites() {
    if (this.kind === 'worker') return codeCacheControlSites(this.worker());
    if (this.kind === 'headers') return headersFileCacheControlSites(this.headers());
    return [];
  }

  /** Syntax errors of config-like files are always reported: a broken config must never pass silently. */
  alwaysReported(): Problem[] {
    const errors = this.kind === 'wrangler' ? this.wrangler().errors
      : this.kind === 'package' ? this.packageJson().errors
        : this.kind === 'workflow' ? this.workflow().errors : [];
    return errors.slice(0, 5).map((e) => ({ ruleId: PARSE_ERROR, severity: 'error' as const, message: e.message, start: e.start, end: e.end, fatal: true }));
  }

  /** The first syntax error of a parsed JS/TS file (TypeScript recovers, so rules still ran). */
  workerSyntaxErrors(): Problem[] {
    const first = this.worker().syntaxErrors[0];
    return first ? [{ ruleId: PARSE_ERROR, severity: 'error', message: `Syntax error: ${first.message}`, start: first.start, end: first.end, fatal: true }] : [];
  }

  private expect(kind: FileKind): void {
    if (this.kind !== kind) throw new Error(`a rule asked for a ${kind} parse of a ${this.kind} file`);
  }
}
