// Evidence that a rule's pre-parse filter (`mayApply`) hides nothing: when the filter rejects a file, the rule's check run
// without the filter must report nothing there either. Used by the rule tester (every table) and the corpus-wide test.
import { lintFile, type LintInput } from '../../server/src/engine/linter';
import type { Rule } from '../../server/src/engine/define-rule';
import { fileKind } from '../../server/src/engine/file-kind';
import { emptyFacts } from '../../server/src/engine/project/facts';
import type { Problem } from '../../server/src/engine/types';
import type { FileFacts } from '../../server/src/engine/project/facts';
import { parseWorker } from '../../server/src/engine/parse/worker';
import { mayHaveSummary } from '../../server/src/engine/project/modules';
import { summariseModule } from '../../server/src/engine/project/summaries';

/** The problems `rule` reports on this input that its filter would hide (none when the filter admits the file). */
export function hiddenByFilter(rule: Rule, input: Omit<LintInput, 'rules'>): Problem[] {
  const kind = input.kind ?? fileKind(input.path);
  if (!rule.mayApply || !kind || !rule.kinds.includes(kind)) return [];
  if (rule.mayApply(input.text, input.facts ?? emptyFacts(), kind)) return [];
  const unfiltered: Rule = { ...rule, mayApply: undefined };
  return lintFile({ ...input, kind, rules: [unfiltered] }).problems.filter((p) => p.ruleId === rule.id);
}

/** True when a JS/TS module's parsed summary says something (KV-typed names, helpers, classes) but the module-summary
 * gate would not parse it: the gate would hide a cross-file finding. */
export function summaryHiddenByGate(path: string, text: string, facts: FileFacts): boolean {
  if (fileKind(path) !== 'worker' || mayHaveSummary(text, facts)) return false;
  const summary = summariseModule(parseWorker(path, text), facts);
  return summary.kvTypedNames.size + summary.functions.size + summary.classes.size > 0;
}
