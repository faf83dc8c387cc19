// The benchmarks' brush: a two-week window dragged across the last three months of the corpus,
// one setPeriod per move (and, for the profile, selecting the busiest people). Runs in the page (pass it to page.evaluate). For each move: the main
// thread's JS time (the action plus sigma's render of the frame it scheduled) and the wall time to
// that frame, which on software WebGL is mostly SwiftShader rasterising in the GPU process.

/** The hooks of builds before the view state (BENCH_BASELINE may be one). */
export type Legacy = { store: { set(patch: Record<string, unknown>): void } };

export async function brushMoves(moves: number): Promise<{ js: number[]; wall: number[] }> {
  const sb = window.switchboard!;
  const { start, end } = sb.full;
  const width = 14 * 86_400_000;
  const from = Math.max(start, end - 90 * 86_400_000);
  const js: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < moves; i++) {
    const s = from + ((end - width - from) * i) / moves;
    performance.clearMeasures("sb:render");
    const t0 = performance.now();
    if (sb.actions) sb.actions.setPeriod({ start: s, end: s + width });
    else (sb as unknown as Legacy).store.set({ period: { start: s, end: s + width } });
    const sync = performance.now() - t0;
    // After the action: the frame it scheduled (older builds draw one when asked).
    const t1 = await sb.nextFrame();
    const render = performance.getEntriesByName("sb:render").reduce((a, m) => a + m.duration, 0);
    js.push(sync + render);
    wall.push(t1 - t0);
  }
  return { js, wall };
}

/** Selects the `count` busiest people of the whole period one after another (then nobody): for
 *  each, the action's JS plus sigma's render of the frame it scheduled. */
export async function selections(count: number): Promise<{ js: number[] }> {
  const sb = window.switchboard!;
  const s = sb.stats();
  const ids = Array.from(s.sent.keys()).sort((a, b) => s.sent[b] + s.received[b] - (s.sent[a] + s.received[a]));
  const js: number[] = [];
  for (const p of ids.slice(0, count)) {
    performance.clearMeasures("sb:render");
    const t0 = performance.now();
    sb.actions.selectPerson(p);
    const sync = performance.now() - t0;
    await sb.nextFrame();
    js.push(sync + performance.getEntriesByName("sb:render").reduce((a, m) => a + m.duration, 0));
  }
  sb.actions.selectPerson(null);
  return { js };
}
