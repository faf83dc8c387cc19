// The named actions (pure) and the store that runs them: each action's effect, the history mode
// each declares, and that a no-op action notifies no one.
import { describe, expect, it } from "vitest";
import { ACTIONS, choosePeriod, HISTORY, type ActionName } from "../../src/state/actions";
import { createStore } from "../../src/state/store";
import { snapshot } from "../../src/state/story";
import { initialView, openPanel, type ViewState } from "../../src/state/view-state";

const full = { start: 1000, end: 9000 };
const base: ViewState = {
  ...initialView(full),
  selected: 3,
  connection: { a: 3, b: 4 },
  focus: { person: 3, steps: 1 },
  community: 2,
  hovered: 5,
};

describe("actions", () => {
  it("Escape closes the connection or chain first, then the person, then focus and highlight, then nothing", () => {
    const one = ACTIONS.escape(base);
    expect([one.connection, one.selected, one.hovered]).toEqual([null, 3, null]);
    const two = ACTIONS.escape(one);
    expect([two.selected, two.focus]).toEqual([null, { person: 3, steps: 1 }]);
    const three = ACTIONS.escape(two);
    expect([three.focus, three.community]).toEqual([null, null]);
    expect(ACTIONS.escape(three)).toBe(three);
  });

  it("selecting or finding a person closes the connection and chain: the rule lives in one place", () => {
    for (const act of [ACTIONS.selectPerson, ACTIONS.findPerson]) {
      const s = act({ ...base, chain: { a: 3, b: 9 } }, 7);
      expect([s.selected, s.connection, s.chain, s.hovered]).toEqual([7, null, null, null]);
      expect(openPanel(s)).toBe("person");
    }
  });

  it("opening a chain keeps its first person selected beneath it; a chain or connection to oneself is refused", () => {
    const s = ACTIONS.openChain(base, 3, 8);
    expect([s.selected, s.chain, s.connection]).toEqual([3, { a: 3, b: 8 }, null]);
    expect(openPanel(s)).toBe("chain");
    expect(openPanel(ACTIONS.closeChain(s))).toBe("person");
    expect(ACTIONS.openChain(base, 3, 3)).toBe(base);
    expect(ACTIONS.openConnection(base, 4, 4)).toBe(base);
    expect(openPanel(ACTIONS.closeConnection(base))).toBe("person");
  });

  it("highlighting a community names it by a member and closes the panels", () => {
    const s = ACTIONS.highlightCommunity(base, 11);
    expect([s.community, s.selected, s.connection, s.chain]).toEqual([11, null, null, null]);
    expect(ACTIONS.highlightCommunity(s, null).community).toBeNull();
  });

  it("period, filters, focus, resolution, view, camera and flags each change only their field", () => {
    const s0 = initialView(full);
    const changes: [ViewState, Partial<ViewState>][] = [
      [ACTIONS.setPeriod(s0, { start: 2000, end: 3000 }), { period: { start: 2000, end: 3000 } }],
      [ACTIONS.setFilters(s0, { massMailing: 20 }), { filters: { ...s0.filters, massMailing: 20 } }],
      [ACTIONS.setFocus(s0, { person: 1, steps: 2 }), { focus: { person: 1, steps: 2 } }],
      [ACTIONS.setResolution(s0, 1.5), { resolution: 1.5 }],
      [ACTIONS.setView(s0, "table"), { view: "table" }],
      [ACTIONS.setCamera(s0, { x: 0.4, y: 0.6, ratio: 0.5 }), { camera: { x: 0.4, y: 0.6, ratio: 0.5 } }],
      [ACTIONS.setFlag(s0, "projector", "on"), { flags: { projector: "on" } }],
    ];
    for (const [s, patch] of changes) expect(s).toEqual({ ...s0, ...patch });
    const filtered = ACTIONS.setFilters(s0, { minConnection: 3, roles: "to" });
    expect(ACTIONS.clearFilters(filtered).filters).toEqual(s0.filters);
    expect(ACTIONS.setFlag(ACTIONS.setFlag(s0, "a", "1"), "a", null).flags).toEqual({});
  });

  it("actions that change nothing return the same state", () => {
    const s0 = initialView(full);
    expect(ACTIONS.setPeriod(s0, { ...full })).toBe(s0);
    expect(ACTIONS.showWholePeriod(s0, full)).toBe(s0);
    expect(ACTIONS.hover(s0, null)).toBe(s0);
    const cam = ACTIONS.setCamera(s0, { x: 0.1, y: 0.2, ratio: 0.3 });
    expect(ACTIONS.setCamera(cam, { x: 0.1, y: 0.2, ratio: 0.3 })).toBe(cam);
  });

  it("setting what is already set, or restoring an equal view, changes nothing (and recomputes nothing)", () => {
    const s0 = ACTIONS.setFilters(initialView(full), { orgs: ["a.org"], massMailing: 20 });
    expect(ACTIONS.setFilters(s0, { massMailing: 20 })).toBe(s0);
    expect(ACTIONS.clearFilters(initialView(full))).toEqual(initialView(full));
    expect(ACTIONS.setView(s0, "network")).toBe(s0);
    expect(ACTIONS.setResolution(s0, 1)).toBe(s0);
    // A view decoded from a link is a new object with equal parts.
    const copy = JSON.parse(JSON.stringify(s0)) as ViewState;
    expect(ACTIONS.restore(s0, copy)).toBe(s0);
    const moved = ACTIONS.restore(s0, { ...copy, selected: 4 });
    expect(moved.selected).toBe(4);
    expect(moved.filters).toBe(s0.filters);
    expect(moved.period).toBe(s0.period);
  });

  it("restore takes the whole view but never a hover", () => {
    const v = { ...base, view: "table" as const };
    // The camera is put where the view says (a move the network makes once).
    expect(ACTIONS.restore(initialView(full), v)).toEqual({
      ...v,
      hovered: null,
      aim: { n: 1, kind: "place", glide: false },
    });
  });

  it("choosePeriod clamps to the span and treats an empty brush as the whole span", () => {
    expect(choosePeriod(full, null)).toEqual(full);
    expect(choosePeriod(full, { start: 0, end: 5000 })).toEqual({ start: 1000, end: 5000 });
    expect(choosePeriod(full, { start: 6000, end: 4000 })).toEqual({ start: 4000, end: 6000 });
    expect(choosePeriod(full, { start: 9500, end: 9900 })).toEqual(full);
  });

  it("discrete steps push history, brushing and the camera replace, hovering and restoring write nothing", () => {
    const push: ActionName[] = [
      "selectPerson",
      "findPerson",
      "openConnection",
      "openChain",
      "highlightCommunity",
      "setFocus",
      "setView",
      "escape",
      "showWholePeriod",
      "clearFilters",
    ];
    for (const a of push) expect(HISTORY[a]).toBe("push");
    expect([HISTORY.setPeriod, HISTORY.setCamera]).toEqual(["replace", "replace"]);
    expect([HISTORY.setFilters, HISTORY.setResolution]).toEqual(["coalesce", "coalesce"]);
    expect([HISTORY.hover, HISTORY.restore]).toEqual(["none", "none"]);
    expect(Object.keys(HISTORY).sort()).toEqual(Object.keys(ACTIONS).sort());
  });
});

describe("every action that changes nothing returns the same state", () => {
  const s0: ViewState = {
    ...initialView(full),
    selected: 3,
    focus: { person: 3, steps: 1 },
    community: 2,
    camera: { x: 0.2, y: 0.3, ratio: 0.5 },
    filters: { ...initialView(full).filters, orgs: ["link.org", "a.org"], massMailing: 20 },
    flags: { theme: "dark", present: "1" },
    story: { title: "T", steps: [{ heading: "One", caption: "", view: snapshot(initialView(full)) }] },
    cursor: 4,
    hovered: 4,
  };
  const idle: ViewState = { ...initialView(full), camera: null };
  const still = { ...s0, hovered: null, cursor: null };
  // Actions that always change something: a toggle, and a search that flies the camera again.
  const ALWAYS = ["findPerson", "toggleView", "toggleTheme", "togglePresent"] as const;
  // For each other action, a state and arguments that ask for what that state already is.
  const noOps: Record<Exclude<ActionName, (typeof ALWAYS)[number]>, [ViewState, ...unknown[]]> = {
    selectPerson: [s0, 3],
    hover: [s0, 4],
    moveCursor: [idle, 1, [1, 2]],
    openCursor: [idle],
    openConnection: [s0, 3, 3],
    openChain: [s0, 5, 5],
    closeChain: [{ ...s0, hovered: null }],
    closeConnection: [{ ...s0, hovered: null }],
    highlightCommunity: [{ ...s0, selected: null, hovered: null, cursor: null }, 2],
    setPeriod: [s0, { ...full }],
    showWholePeriod: [s0, full],
    setFilters: [s0, { massMailing: 20 }],
    clearFilters: [idle],
    chooseOrgs: [s0, ["a.org", "b.org"], ["a.org"], "exclude"],
    setFocus: [s0, { person: 3, steps: 1 }],
    setResolution: [s0, 1],
    setView: [s0, "network"],
    setCamera: [s0, { x: 0.2, y: 0.3, ratio: 0.5 }],
    resetView: [idle],
    setFlag: [s0, "theme", "dark"],
    setTheme: [s0, "dark"],
    setSystemTheme: [s0, false],
    escape: [idle],
    restore: [still, JSON.parse(JSON.stringify(still))],
    addStep: [{ ...s0, story: { title: "T", steps: Array.from({ length: 50 }, () => s0.story!.steps[0]) } }, "x"],
    updateStepView: [s0, 7],
    editStep: [s0, 0, { heading: "One" }],
    moveStep: [s0, 0, 0],
    deleteStep: [s0, 3],
    setStoryTitle: [s0, "T"],
    setStory: [{ ...s0, story: null }, null],
    playStory: [idle, 0],
    stepStory: [s0, 1],
    stopStory: [s0],
  };

  it.each(Object.keys(ACTIONS) as ActionName[])("%s", (name) => {
    if ((ALWAYS as readonly string[]).includes(name))
      return void expect((ACTIONS[name] as (s: ViewState, ...a: number[]) => ViewState)(s0, 3)).not.toBe(s0);
    const entry = noOps[name as keyof typeof noOps];
    expect(entry, `a no-op case for ${name}`).toBeDefined();
    const [state, ...args] = entry;
    const act = ACTIONS[name] as (s: ViewState, ...a: unknown[]) => ViewState;
    expect(act(state, ...args)).toBe(state);
  });

  it("the same actions change what they are asked to change (so the cases above are not vacuous)", () => {
    expect(ACTIONS.toggleView(s0).view).toBe("table");
    expect(ACTIONS.toggleTheme(s0).flags.theme).toBe("light");
    expect(ACTIONS.toggleTheme({ ...idle, systemDark: true }).flags.theme).toBe("light");
    expect(ACTIONS.togglePresent(s0).flags.present).toBeUndefined();
    expect(ACTIONS.setCamera(idle, { x: 0.5, y: 0.5, ratio: 1 })).toBe(idle);
    expect(ACTIONS.resetView(s0)).toMatchObject({ camera: null, aim: { kind: "home" } });
    expect(ACTIONS.chooseOrgs(s0, ["a.org", "b.org"], ["b.org"], "include").filters).toMatchObject({
      orgs: ["link.org", "b.org"],
      orgMode: "include",
    });
  });
});

describe("camera moves and keyboard focus are data", () => {
  const s0 = initialView(full);
  it("find flies, select reveals, a chain is framed; asking again is a new move", () => {
    const found = ACTIONS.findPerson(s0, 3);
    expect(found.aim).toEqual({ n: 1, kind: "fly", person: 3 });
    expect(found.keyboardFocus).toEqual({ n: 1, to: "drawer" });
    const again = ACTIONS.findPerson(found, 3);
    expect(again).not.toBe(found);
    expect(again.aim).toEqual({ n: 2, kind: "fly", person: 3 });
    expect(ACTIONS.selectPerson(s0, 3).aim).toEqual({ n: 1, kind: "reveal", people: [3] });
    expect(ACTIONS.selectPerson(ACTIONS.selectPerson(s0, 3), null).aim).toEqual({ n: 1, kind: "reveal", people: [3] });
    expect(ACTIONS.openConnection(s0, 3, 4).aim).toEqual({ n: 1, kind: "reveal", people: [3, 4] });
    expect(ACTIONS.openChain(s0, 3, 4).aim).toEqual({ n: 1, kind: "chain" });
    expect(ACTIONS.setView(s0, "table", true).keyboardFocus).toEqual({ n: 1, to: "table" });
    expect(ACTIONS.setView(s0, "table").keyboardFocus).toBeNull();
  });

  it("the arrow-key cursor steps through the order given, wraps, lights the one reached, and Enter opens them", () => {
    const sel = ACTIONS.selectPerson(s0, 3);
    const order = [7, 5, 9];
    const one = ACTIONS.moveCursor(sel, 1, order);
    expect([one.cursor, one.hovered, one.keyboardFocus?.to]).toEqual([7, 7, "drawer"]);
    expect(ACTIONS.moveCursor(one, 1, order).cursor).toBe(5);
    expect(ACTIONS.moveCursor(one, -1, order).cursor).toBe(9);
    expect(ACTIONS.moveCursor(sel, -1, order).cursor).toBe(9);
    const opened = ACTIONS.openCursor(ACTIONS.moveCursor(one, 1, order));
    expect([opened.selected, opened.cursor]).toEqual([5, null]);
    expect(ACTIONS.moveCursor(s0, 1, order)).toBe(s0); // no one selected
  });
});

describe("store", () => {
  it("runs bound actions, tells listeners the action's name, and stays quiet for a no-op", () => {
    const store = createStore(initialView(full));
    const heard: string[] = [];
    const off = store.subscribe((s, prev, name) => heard.push(`${name}:${prev.selected}->${s.selected}`));
    store.actions.selectPerson(4);
    store.actions.hover(null);
    store.actions.openChain(4, 6);
    off();
    store.actions.selectPerson(1);
    expect(heard).toEqual(["selectPerson:null->4", "openChain:4->4"]);
    expect(store.get().selected).toBe(1);
  });
});
