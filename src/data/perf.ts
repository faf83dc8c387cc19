// User Timing around the app's main-thread steps, readable by benchmarks and the browser's profiler.

export function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}
