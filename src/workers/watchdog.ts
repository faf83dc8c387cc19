// A watchdog that measures the worker, not the page: it counts only the time in which the page
// could have heard back. A long task on the page's own thread (building a 500,000-message network)
// holds the worker's answer in the queue with everything else; that stall does not use up the
// budget, so the watchdog fires only when the page was free to listen and no answer came.

/** The longest stretch between two ticks that counts in full; the rest of a longer gap was the
 *  page's own stall. */
const TICK_MS = 250;

/** Calls `onFire` once `ms` of listening time has passed; returns its cancel. */
export function startWatchdog(ms: number, onFire: () => void): () => void {
  let used = 0;
  let last = Date.now();
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    const now = Date.now();
    used += Math.min(now - last, 2 * TICK_MS);
    last = now;
    if (used >= ms) onFire();
    else timer = setTimeout(tick, Math.min(TICK_MS, ms - used));
  };
  timer = setTimeout(tick, Math.min(TICK_MS, ms));
  return () => clearTimeout(timer);
}
