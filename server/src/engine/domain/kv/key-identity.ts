// Identity of a KV key expression: a constant string, or the same expression text (through same-file consts), for
// "is this the same key?" questions (hot keys, read-modify-write).
import { ts, unwrap, type WorkerModel } from '../../parse/worker';

/** What a key expression stands for. */
export interface KeyIdentity {
  /** Equal signatures mean the same key (at the same point in the same function). */
  signature: string;
  /** The key is a constant string. */
  constant: boolean;
  /** For messages: `'hits'` for constants, else the source text (shortened). */
  display: string;
}

/** The identity of a key expression; undefined for a missing key. */
export function keyIdentity(model: WorkerModel, key: ts.Expression | undefined): KeyIdentity | undefined {
  if (!key) return undefined;
  const display = shorten(key.getText(model.sf));
  const resolved = model.resolver.resolveString(key);
  if (resolved) return { signature: `=${JSON.stringify(resolved.value)}`, constant: true, display: `'${shorten(resolved.value)}'` };
  return { signature: `~${structural(model, key, 0)}`, constant: false, display };
}

function structural(model: WorkerModel, expr: ts.Expression, depth: number): string {
  const node = unwrap(expr);
  if (ts.isIdentifier(node) && depth < 4) {
    const init = model.resolver.constInitializer(node);
    if (init) return structural(model, init, depth + 1);
  }
  return node.getText(model.sf).replace(/\s+/g, '');
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
