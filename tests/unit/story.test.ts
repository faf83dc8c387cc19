// Stories (pure): the authoring and playback actions, the story file's checks (each problem named
// by step and field, nothing half-loaded), and a story travelling in a link.
import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/data/types";
import { ACTIONS } from "../../src/state/actions";
import type { LinkContext } from "../../src/state/url";
import { initialView, type ViewState } from "../../src/state/view-state";
import { STEP_MS } from "../../src/render/motion";
import { parseStoryFile, storyFromJson, storyToFile } from "../../src/story/story-file";
import { decodeLink, encodeLink, fromBase64Url, toBase64Url } from "../../src/story/story-link";

const D = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 5);
const people: Dataset["people"] = {
  count: 3,
  address: ["jane@dnc.org", "bob@dnc.org", "zoë@exämple.org"],
  name: ["Jane Doe", "Bob", "Zoë"],
  org: ["dnc.org", "dnc.org", "exämple.org"],
};
const full = { start: D(2016, 3, 1), end: D(2016, 6, 1) };
const ctx: LinkContext = { people, timeZone: "America/New_York", full };
const base = initialView(full);
const march = { start: D(2016, 3, 2), end: D(2016, 4, 1) - 3600_000 };

/** A story of three steps written through the actions, as the side panel does. */
function written(): ViewState {
  let s = ACTIONS.addStep(base, "Everyone", "All of it.");
  s = ACTIONS.addStep(ACTIONS.selectPerson(ACTIONS.setPeriod(s, march), 0), "Jane in March");
  s = ACTIONS.addStep(
    ACTIONS.setCamera(ACTIONS.openChain(ACTIONS.showWholePeriod(s, full), 0, 1), { x: 0.2, y: 0.7, ratio: 0.5 }),
    "Jane to Bob",
    "Via Zoë?",
  );
  return s;
}

describe("writing a story", () => {
  it("adds the view now as a step, edits, reorders and deletes steps", () => {
    const s = written();
    expect(s.story!.steps.map((t) => t.heading)).toEqual(["Everyone", "Jane in March", "Jane to Bob"]);
    expect(s.story!.steps[1].view).toMatchObject({ period: march, selected: 0, chain: null, camera: null });
    expect(s.story!.steps[2].view).toMatchObject({
      selected: 0,
      chain: { a: 0, b: 1 },
      camera: { x: 0.2, y: 0.7, ratio: 0.5 },
    });
    const edited = ACTIONS.editStep(s, 1, { caption: "Her month." });
    expect(edited.story!.steps[1]).toMatchObject({ heading: "Jane in March", caption: "Her month." });
    expect(ACTIONS.editStep(edited, 1, { caption: "Her month." })).toBe(edited);
    const moved = ACTIONS.moveStep(s, 2, 0);
    expect(moved.story!.steps.map((t) => t.heading)).toEqual(["Jane to Bob", "Everyone", "Jane in March"]);
    expect(ACTIONS.moveStep(s, 0, -1)).toBe(s);
    expect(ACTIONS.deleteStep(s, 0).story!.steps.map((t) => t.heading)).toEqual(["Jane in March", "Jane to Bob"]);
    const updated = ACTIONS.updateStepView(ACTIONS.setPeriod(s, full), 1);
    expect(updated.story!.steps[1].view.period).toEqual(full);
  });

  it("plays: each step restores its view in projector mode; leaving keeps the story and the mode as it was", () => {
    const s = ACTIONS.showWholePeriod(ACTIONS.selectPerson(written(), null), full);
    const p2 = ACTIONS.playStory(s, 1);
    expect(p2.playing).toEqual({ step: 1, wasPresent: false });
    expect(p2).toMatchObject({ period: march, selected: 0, chain: null });
    expect(p2.flags.present).toBe("1");
    const p3 = ACTIONS.stepStory(p2, 1);
    expect(p3).toMatchObject({ selected: 0, chain: { a: 0, b: 1 }, period: full, playing: { step: 2 } });
    expect(ACTIONS.stepStory(p3, 1)).toBe(p3);
    expect(ACTIONS.stepStory(p3, -2).playing!.step).toBe(0);
    const left = ACTIONS.stopStory(p3);
    expect(left.playing).toBeNull();
    expect(left.flags.present).toBeUndefined();
    expect(left.story).toBe(p3.story);
    const presenting = ACTIONS.setFlag(s, "present", "1");
    expect(ACTIONS.stopStory(ACTIONS.playStory(presenting, 0)).flags.present).toBe("1");
    // An embed steps in place, without projector mode.
    expect(ACTIONS.playStory(ACTIONS.setFlag(s, "embed", "1"), 0).flags.present).toBeUndefined();
    // Deleting the step being played stops on the nearest one left.
    expect(ACTIONS.deleteStep(p3, 2).playing!.step).toBe(1);
  });

  it("moves the camera in under a second", () => {
    expect(STEP_MS).toBeGreaterThan(0);
    expect(STEP_MS).toBeLessThan(1000);
  });
});

describe("the story file", () => {
  it("round-trips, naming people by address and periods by local days", () => {
    const file = storyToFile(written().story!, ctx, "Test data");
    expect(file.steps[1].view).toBe("from=2016-03-02&to=2016-03-31&person=jane@dnc.org");
    expect(file.steps[2].view).toBe("person=jane@dnc.org&chain=bob@dnc.org&cam=0.2,0.7,0.5");
    const back = storyFromJson(JSON.parse(JSON.stringify(file)), ctx);
    expect(back.errors).toEqual([]);
    expect(back.story).toEqual(written().story);
  });

  it("names the step and field of every problem, and opens nothing", () => {
    const file = {
      format: "switchboard-story",
      version: 1,
      title: "Bad",
      zoom: 3,
      steps: [
        { heading: "Fine", caption: "", view: "" },
        { heading: "", caption: "x", view: "person=nobody@nowhere.org" },
        { heading: "Three", caption: 7, view: "from=2016-13-01&f.embed=1", extra: true },
        "four",
        { heading: "Five", view: 12 },
      ],
    };
    const r = parseStoryFile(JSON.stringify(file), "bad.story.json", ctx);
    expect(r.story).toBeNull();
    expect(r.errors).toEqual([
      "bad.story.json: zoom: not a field of a story (format, version, title, dataset, steps)",
      "bad.story.json: step 2, heading: must be text of 1 to 120 characters",
      'bad.story.json: step 2, view: person "nobody@nowhere.org" (not in this dataset)',
      "bad.story.json: step 3, extra: not a field of a step (heading, caption, view)",
      "bad.story.json: step 3, caption: must be text of at most 600 characters",
      'bad.story.json: step 3, view: from "2016-13-01" (not a day: write YYYY-MM-DD)',
      "bad.story.json: step 3, view: f.embed (not kept in a step)",
      "bad.story.json: step 4: must be an object with heading, caption and view",
      'bad.story.json: step 5, view: must be link text such as "from=2016-04-01&person=jane@example.org"',
    ]);
    expect(parseStoryFile("{", "cut.json", ctx).errors[0]).toMatch(/^cut\.json: not JSON \(/);
    expect(parseStoryFile('{"format":"x","version":2,"title":1,"steps":[]}', "f.json", ctx).errors).toEqual([
      'f.json: format: must be "switchboard-story"',
      "f.json: version: must be 1",
      "f.json: title: must be text of at most 120 characters",
      "f.json: steps: must be a list of 1 to 50 steps",
    ]);
  });
});

describe("a story in a link", () => {
  it("travels with the view and the step being played", () => {
    const playing = ACTIONS.playStory(written(), 2);
    const hash = encodeLink(playing, ctx);
    expect(hash).toMatch(/^person=jane@dnc\.org&chain=bob@dnc\.org&cam=0\.2,0\.7,0\.5&story=[\w-]+&step=3$/);
    const { view, ignored } = decodeLink(`#${hash}`, ctx, null);
    expect(ignored).toEqual([]);
    expect(view.story).toEqual(playing.story);
    expect(view.playing).toEqual({ step: 2, wasPresent: false });
    expect(view.flags.present).toBe("1");
    expect(fromBase64Url(toBase64Url("Zoë ✉ “quotes”"))).toBe("Zoë ✉ “quotes”");
  });

  it("keeps the view when the story in a link is broken, and says why", () => {
    expect(decodeLink("person=bob@dnc.org&story=%%%", ctx, null)).toMatchObject({
      view: { selected: 1, story: null },
      ignored: ["story: not a story written by Switchboard"],
    });
    const bad = toBase64Url(
      JSON.stringify({ format: "switchboard-story", version: 1, title: "t", steps: [{ heading: "", view: "" }] }),
    );
    expect(decodeLink(`story=${bad}&step=9`, ctx, null).ignored).toEqual([
      "story: step 1, heading: must be text of 1 to 120 characters",
    ]);
    const good = toBase64Url(JSON.stringify(storyToFile(written().story!, ctx)));
    expect(decodeLink(`story=${good}&step=9`, ctx, null).ignored).toEqual(['step "9" (must be 1 to 3)']);
    expect(decodeLink("step=2", ctx, null).ignored).toEqual(['step "2" (no story in the link)']);
  });
});
