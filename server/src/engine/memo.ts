// Per-lint memoisation keyed by every argument: a model (weakly) plus one more key, object or primitive, so a view
// computed for one set of facts (or one flag) is never served for another.
/** Wraps `compute(model, key)` in a cache keyed by both arguments. */
export function memoByModelAnd<M extends object, K, R>(compute: (model: M, key: K) => R): (model: M, key: K) => R {
  const byModel = new WeakMap<M, { objects: WeakMap<object, R>; primitives: Map<unknown, R> }>();
  return (model, key) => {
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
}
