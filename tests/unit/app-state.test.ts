// Pure state transitions: Escape closes one layer at a time; selecting closes connection and chain.
import { describe, expect, it } from "vitest";
import { escape, initialState, selectPerson, type AppState } from "../../src/state/app-state";

const base: AppState = { ...initialState({ start: 0, end: 10 }), selected: 3, connection: { a: 3, b: 4 }, focus: { person: 3, steps: 1 }, community: 2 };

describe("escape", () => {
  it("closes the connection or chain first, then the person, then focus and highlight", () => {
    const one = { ...base, ...escape(base) };
    expect(one.connection).toBeNull();
    expect(one.selected).toBe(3);
    const two = { ...one, ...escape(one) };
    expect(two.selected).toBeNull();
    expect(two.focus).toEqual({ person: 3, steps: 1 });
    const three = { ...two, ...escape(two) };
    expect(three.focus).toBeNull();
    expect(three.community).toBeNull();
  });

  it("selecting someone closes the connection and chain", () => {
    const s = { ...base, chain: { a: 3, b: 9 }, ...selectPerson(7) };
    expect([s.selected, s.connection, s.chain]).toEqual([7, null, null]);
  });
});
