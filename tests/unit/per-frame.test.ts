// perFrame: the latest value of a burst, handed on once per frame; flush hands it on at once.
import { describe, expect, it } from "vitest";
import { perFrame } from "../../src/ui/per-frame";

/** A hand-driven frame clock. */
function clock() {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    schedule: (run: () => void) => {
      queue.set(next, run);
      return next++;
    },
    cancel: (id: number) => void queue.delete(id),
    tick() {
      const runs = [...queue.values()];
      queue.clear();
      for (const run of runs) run();
    },
    waiting: () => queue.size,
  };
}

describe("perFrame", () => {
  it("hands on only the latest of the values pushed between two frames", () => {
    const c = clock();
    const applied: number[] = [];
    const pf = perFrame<number>((v) => applied.push(v), c.schedule, c.cancel);
    for (let i = 1; i <= 20; i++) pf.push(i);
    expect(applied).toEqual([]);
    expect(pf.pending()).toBe(true);
    expect(c.waiting()).toBe(1);
    c.tick();
    expect(applied).toEqual([20]);
    expect(pf.pending()).toBe(false);
    pf.push(21);
    pf.push(22);
    c.tick();
    c.tick();
    expect(applied).toEqual([20, 22]);
  });

  it("flush hands the kept value on now and cancels its frame; with nothing kept it does nothing", () => {
    const c = clock();
    const applied: (string | null)[] = [];
    const pf = perFrame<string | null>((v) => applied.push(v), c.schedule, c.cancel);
    pf.flush();
    expect(applied).toEqual([]);
    pf.push("a");
    pf.push(null);
    pf.flush();
    expect(applied).toEqual([null]);
    expect(c.waiting()).toBe(0);
    c.tick();
    expect(applied).toEqual([null]);
  });

  it("dispose drops a kept value", () => {
    const c = clock();
    const applied: number[] = [];
    const pf = perFrame<number>((v) => applied.push(v), c.schedule, c.cancel);
    pf.push(1);
    pf.dispose();
    c.tick();
    pf.flush();
    expect(applied).toEqual([]);
  });
});
