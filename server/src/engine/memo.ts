// Per-lint memoisation keyed by every argument: a model (weakly) plus one more key, object or primitive, so a view
// computed for one set of facts (or one flag) is never served for another.
/** A memoised view; `peek` returns the cached result without computing it (for notes that must cost nothing extra). */
export interface Memoised<M, K, R> {
  (model: M, key: K): R;
  peek(model: M, key: K): R | undefined;
}

/** Wraps `compute(model, key)` in a cache keyed by both arguments. */
export function memoByModelAnd<M extends object, K, R>(compute: (model: M, key: K) => R): Memoised<M, K, R> {
  const byModel = new WeakMap<M, { objects: WeakMap<object, R>; primitives: Map<unknown, R> }>();
  const peek = (model: M, key: K): R | undefined => {
    const entry = byModel.get(model);
    if (!entry) return undefined;
    return typeof key === 'object' && key !== null ? entry.objects.get(key as object) : entry.primitives.get(key);
  };
  const memoised = (model: M, key: K): R => {
    let entry = byModel.get(model);
    if (!entry) byModel.set(model, entry = { objects: new WeakMap(), primitives: new Map() });
    const isObject = typeof key === 'object' && key !== null;
    if (isObject ? entry.objects.has(key as object) : entry.primitives.has(key)) {
      return (isObject ? entry.objects.get(key as object) : entry.primitives.get(key)) as R;
    }
    const result = compute(model, key);
    if (isObject) entry.objects.set(key as object, result);
    else entry.primitives.set(key, result);
    return result;
  };
  return Object.assign(memoised, { peek });
}
