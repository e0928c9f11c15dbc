// What can be wrong with one KV TTL value: a constant (or a branch/fallback) below the minimum, an unclamped
// pass-through that can be low, or request input with no clamp or guard (domain.md A2, A3, §F, §G).
import { requestInput } from '../../js/request-input';
import { ts, type WorkerModel } from '../../parse/worker';
import { numberCandidates } from './kv-ttl';
import { guarded, lowValue } from '../../js/numeric-bounds';

/** One problem with a TTL value, at `node`. */
export type TtlIssue =
  | { kind: 'constant'; node: ts.Expression; value: number }
  | { kind: 'low'; node: ts.Expression; value: number; reason: string }
  | { kind: 'input'; node: ts.Expression; source: string };

/** The issues of a TTL expression against a minimum; constants win over the weaker "can be" findings. */
export function ttlIssues(expr: ts.Expression, minimum: number, model: WorkerModel): TtlIssue[] {
  const candidates = numberCandidates(expr, model);
  const below = candidates.filter((c) => c.value < minimum);
  if (below.length > 0) return below.map(({ value, node }) => ({ kind: 'constant', node, value }));
  const low = lowValue(expr, minimum, model);
  if (low) return [{ kind: 'low', node: expr, value: low.value, reason: low.reason }];
  const input = requestInput(expr, model);
  if (input && !guarded(expr, minimum, model)) return [{ kind: 'input', node: expr, source: input.source }];
  return [];
}
