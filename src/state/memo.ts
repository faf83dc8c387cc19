// memo: a derived value declared once from its inputs; computed again only when an input changes
// (compared with Object.is), so a published value is reused, never patched.
export function memo<A extends readonly unknown[], T>(compute: (...args: A) => T): (...args: A) => T {
  let last: A | null = null;
  let value: T;
  return (...args: A): T => {
    const prev = last;
    if (prev === null || args.length !== prev.length || args.some((a, i) => !Object.is(a, prev[i]))) {
      value = compute(...args);
      last = args;
    }
    return value;
  };
}
