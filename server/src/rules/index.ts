// The explicit, sorted rule registry. A meta-test keeps it in sync with rule files, docs, tests and the README table.
import type { Rule } from '../engine/define-rule';
import ccSyntax from './cache-control/cc-syntax';
import kvCachettlBelowMinimum from './kv/kv-cachettl-below-minimum';

/** Every rule, sorted by id. */
export const allRules: readonly Rule[] = [
  ccSyntax,
  kvCachettlBelowMinimum,
];

/** Rule ids, for config validation. */
export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
