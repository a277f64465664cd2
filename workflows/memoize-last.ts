/**
 * Wraps `compute` so that a call with the same arguments as the call before (each `===`) answers
 * the remembered result. For evaluations of immutable inputs that one workflow activation repeats
 * at one instant; each workflow has its own copy of its modules, so nothing is shared between cases.
 */
export function memoizeLast<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args) => {
    if (last && last.args.every((value, index) => value === args[index])) return last.result;
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}
