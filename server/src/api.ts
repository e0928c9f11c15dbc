// The engine's front door for the adapters (CLI, LSP): lint/fix a file with the full rule registry and a Project.
import { fixFile, lintFile, type LintInput, type LintTrace } from './engine/linter';
import { Project, type Host, type ResolvedConfig } from './engine/project';
import type { RuleSetting } from './engine/config';
import type { SeveritySetting } from './engine/types';
import type { Rule } from './engine/define-rule';
import type { FileKind, LintResult, Problem } from './engine/types';
import { forgetTree, treeCacheStats } from './engine/parse/worker';
import { allRules, ruleIds, ruleOptionDefaults } from './rules';

export { Project, type Host, type ResolvedConfig };

/** Drops what the engine keeps about a path between lints (its syntax tree), e.g. when an editor closes it. */
export const releaseFile = forgetTree;
/** What the engine's tree cache holds (entries, source bytes, paths). */
export const engineCacheStats = treeCacheStats;

/** A project that knows the rule ids (so its config parser can flag unknown ones); `forcedConfig` skips config lookup. */
export function createProject(host: Host, forcedConfig?: ResolvedConfig): Project {
  return new Project(host, ruleOptionDefaults, forcedConfig);
}

/** Settings an adapter adds on top of the config file. */
export interface AdapterSettings {
  overrides?: ReadonlyMap<string, RuleSetting>;
  /** Rules run in addition to the registry (the LSP's EDGELINT_TEST_THROWING_RULE test hook); never set in normal use. */
  extraRules?: readonly Rule[];
  /** The file kind when the path's name does not tell it (a file named on the command line, recognised by content). */
  kind?: FileKind;
  /** Reports disable comments that silenced nothing (CLI `--report-unused-disable-directives`); overrides the config. */
  reportUnusedDisableDirectives?: SeveritySetting;
  /** The file is test or fixture code (decided by the adapter from its path and root). */
  testCode?: boolean;
  /** Rule timings and parse decisions for `--debug` (see `LintTrace`). */
  trace?: LintTrace;
}

function rulesFor(settings: AdapterSettings): readonly Rule[] {
  return settings.extraRules?.length ? [...allRules, ...settings.extraRules] : allRules;
}

/** Lints `text` as the file at `path`, with project facts and config from `project`. */
export function lintText(project: Project, path: string, text: string, settings: AdapterSettings = {}): LintResult {
  const resolved = project.configFor(path);
  const result = lintFile(lintInput(project, path, text, settings));
  if (resolved.path === path) result.problems.unshift(...resolved.problems);
  return result;
}

/** Applies fixes until stable (max 10 passes). */
export function fixText(project: Project, path: string, text: string, settings: AdapterSettings = {}): { text: string; passes: number; problems: Problem[] } {
  return fixFile(lintInput(project, path, text, settings));
}

function lintInput(project: Project, path: string, text: string, settings: AdapterSettings): LintInput {
  const rules = rulesFor(settings);
  return {
    path, text, rules, facts: project.factsFor(path), config: project.configFor(path).config, overrides: settings.overrides,
    knownRules: settings.extraRules?.length ? new Set(rules.map((r) => r.id)) : ruleIds,
    reportUnusedDisableDirectives: settings.reportUnusedDisableDirectives, kind: settings.kind, testCode: settings.testCode, trace: settings.trace,
  };
}
