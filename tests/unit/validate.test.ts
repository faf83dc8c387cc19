import { describe, expect, it } from "vitest";
import { decodeDataset } from "../../src/data/decode";
import { DatasetError } from "../../src/data/errors";
import { parseDataset } from "../../src/data/load";
import type { DatasetFile } from "../../src/data/types";
import { validateDataset } from "../../src/data/validate";
import { msg, T0, tinyFile } from "./fixtures";

const good = () =>
  tinyFile(4, [
    msg(0, 0, [1, 2], [3]),
    msg(2, 1, [0]),
    { time: null, sender: 2, to: [3], cc: [], bcc: [1], subject: "Undated" },
  ]);

function problem(mutate: (f: DatasetFile) => void): DatasetError {
  const f = JSON.parse(JSON.stringify(good()));
  mutate(f);
  try {
    validateDataset(f, "corpus.json");
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    return e as DatasetError;
  }
  throw new Error("validation passed but should have failed");
}

describe("dataset validation", () => {
  it("accepts a good file and decodes it", () => {
    const ds = decodeDataset(validateDataset(good()));
    expect(ds.people.count).toBe(4);
    expect(ds.messages.count).toBe(3);
    expect(ds.messages.datedCount).toBe(2);
    expect(ds.messages.time[0]).toBe(T0);
    expect(ds.messages.time[1]).toBe(T0 + 2 * 86_400_000);
    expect(Number.isNaN(ds.messages.time[2])).toBe(true);
    // Message 0: To 1, 2 then Cc 3.
    expect(Array.from(ds.messages.rcpt.slice(ds.messages.rcptStart[0], ds.messages.rcptStart[1]))).toEqual([1, 2, 3]);
    expect(Array.from(ds.messages.rcptRole.slice(0, 3))).toEqual([0, 0, 1]);
    expect(ds.messages.subjects[ds.messages.subject[2]]).toBe("Undated");
    expect(ds.people.org[0]).toBe("example.org");
  });

  it("rejects text that is not JSON, naming the file", () => {
    expect(() => parseDataset("{not json", "broken.json")).toThrow(/broken\.json: \(file\): is not valid JSON/);
  });

  it.each([
    ["format", (f: DatasetFile) => Object.assign(f, { format: "gephi" }), /format: expected "switchboard-dataset"/],
    ["version", (f: DatasetFile) => Object.assign(f, { version: 7 }), /version: version number 7 is not supported/],
    [
      "meta.title",
      (f: DatasetFile) => Reflect.deleteProperty(f.meta, "title"),
      /meta\.title: expected text, found undefined/,
    ],
    [
      "meta.synthetic",
      (f: DatasetFile) => Object.assign(f.meta, { synthetic: "yes" }),
      /meta\.synthetic: expected true or false/,
    ],
    ["people.name", (f: DatasetFile) => f.people.name.pop(), /people\.name: has 3 entries, expected 4/],
    [
      "people.address[2]",
      (f: DatasetFile) => ((f.people.address[2] = " "), (f.people.name[2] = "")),
      /people\.address\[2\]: is empty, and so is people\.name/,
    ],
    [
      "messages.sender[1]",
      (f: DatasetFile) => (f.messages.sender[1] = 9),
      /messages\.sender\[1\]: 9 is out of range \(dataset has 4 people\)/,
    ],
    [
      "messages.to[0]",
      (f: DatasetFile) => (f.messages.to[0] = 1.5),
      /messages\.to\[0\]: expected an integer, found number 1\.5/,
    ],
    [
      "messages.cc",
      (f: DatasetFile) => (f.messages.ccCount[1] = 2),
      /messages\.cc: has 1 entries but messages\.ccCount adds up to 3/,
    ],
    ["messages.time[1]", (f: DatasetFile) => (f.messages.time[1] = -5), /messages\.time\[1\]: negative delta -5/],
    [
      "messages.subject[0]",
      (f: DatasetFile) => (f.messages.subject[0] = 40),
      /messages\.subject\[0\]: 40 is out of range/,
    ],
    [
      "annotations[0].date",
      (f: DatasetFile) => (f.annotations = [{ date: "soon", label: "x" }]),
      /annotations\[0\]\.date: "soon" is not an ISO 8601 date/,
    ],
    [
      "layout.x",
      (f: DatasetFile) => (f.layout = { x: [1], y: [1, 2, 3, 4] }),
      /layout\.x: expected one number per person \(4\)/,
    ],
  ])("names the field %s", (field, mutate, message) => {
    const e = problem(mutate);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
    expect(e.message.startsWith("corpus.json: ")).toBe(true);
  });

  // Bounds: what the app can draw. Each case asserts the exact field and problem.
  it.each([
    [
      "a delta of 1e12 s (the 73-second freeze)",
      (f: DatasetFile) => (f.messages.time[1] = 1e12),
      "messages.time[1]",
      "puts message 1 at 27 Dec 33704 (seconds 1001459512000): times must fall between 1970 and 2100",
    ],
    [
      "a time past JavaScript's dates",
      (f: DatasetFile) => (f.messages.time[1] = 1e20),
      "messages.time[1]",
      "puts message 1 at a date past any JavaScript can show (seconds 100000000001459520000): times must fall between 1970 and 2100",
    ],
    [
      "a first time before 1970",
      (f: DatasetFile) => (f.messages.time[0] = -1),
      "messages.time[0]",
      "puts message 0 at 31 Dec 1969 (seconds -1): times must fall between 1970 and 2100",
    ],
    [
      "a running time one second past 2100",
      (f: DatasetFile) => (f.messages.time = [4102444800 - 172800, 172801]),
      "messages.time[1]",
      "puts message 1 at 1 Jan 2100 (seconds 4102444801): times must fall between 1970 and 2100",
    ],
    [
      "a negative delta",
      (f: DatasetFile) => (f.messages.time[1] = -5),
      "messages.time[1]",
      "negative delta -5: times must be in ascending order",
    ],
    [
      "a time that is not an integer",
      (f: DatasetFile) => (f.messages.time[1] = 0.5),
      "messages.time[1]",
      "expected an integer, found number 0.5",
    ],
    [
      "an unknown time zone",
      (f: DatasetFile) => (f.meta.timeZone = "Mars/Olympus"),
      "meta.timeZone",
      `"Mars/Olympus" is not a time zone this browser knows (use an IANA name such as "America/New_York")`,
    ],
    [
      "an empty time zone",
      (f: DatasetFile) => (f.meta.timeZone = ""),
      "meta.timeZone",
      `"" is not a time zone this browser knows (use an IANA name such as "America/New_York")`,
    ],
    [
      "a layout x that overflows Float32",
      (f: DatasetFile) => (f.layout = { x: [0, 1, 1e39, 3], y: [0, 1, 2, 3] }),
      "layout.x[2]",
      "1e+39 is too large: positions are stored as 32-bit floats, so they must lie between -3.4e38 and 3.4e38",
    ],
    [
      "a layout y that overflows Float32 downwards",
      (f: DatasetFile) => (f.layout = { x: [0, 1, 2, 3], y: [0, -3.5e38, 2, 3] }),
      "layout.y[1]",
      "-3.5e+38 is too large: positions are stored as 32-bit floats, so they must lie between -3.4e38 and 3.4e38",
    ],
    [
      "an annotation after 2100",
      (f: DatasetFile) =>
        (f.annotations = [
          { date: "2016-04-19", label: "ok" },
          { date: "2101-01-01", label: "late" },
        ]),
      "annotations[1].date",
      `"2101-01-01" is 1 Jan 2101: annotation dates must fall between 1970 and 2100`,
    ],
    [
      "an annotation before 1970",
      (f: DatasetFile) => (f.annotations = [{ date: "1969-12-31T23:59:59Z", label: "early" }]),
      "annotations[0].date",
      `"1969-12-31T23:59:59Z" is 31 Dec 1969: annotation dates must fall between 1970 and 2100`,
    ],
  ])("rejects %s", (_what, mutate, field, text) => {
    const e = problem(mutate);
    expect(e.field).toBe(field);
    expect(e.problem).toBe(text);
    expect(e.message).toBe(`corpus.json: ${field}: ${text}`);
  });

  it("accepts the bounds themselves: 1970-01-01 and 2100-01-01", () => {
    const f = good();
    f.messages.time = [0, 4102444800];
    f.annotations = [
      { date: "1970-01-01", label: "epoch" },
      { date: "2100-01-01T00:00:00Z", label: "end" },
    ];
    const ds = decodeDataset(validateDataset(f));
    expect(ds.messages.time[0]).toBe(0);
    expect(ds.messages.time[1]).toBe(4102444800 * 1000);
    expect(ds.annotations.map((a) => a.time)).toEqual([0, 4102444800 * 1000]);
  });

  it("accepts any time zone Intl knows", () => {
    for (const timeZone of ["America/New_York", "Europe/Kyiv", "Etc/UTC", "UTC", "GMT"]) {
      const f = good();
      f.meta.timeZone = timeZone;
      expect(validateDataset(f).meta.timeZone).toBe(timeZone);
    }
  });

  it("accepts a layout whose points are all identical, and the largest Float32-safe values", () => {
    const same = good();
    same.layout = { x: [5, 5, 5, 5], y: [-2, -2, -2, -2] };
    expect(Array.from(decodeDataset(validateDataset(same)).layout!.x)).toEqual([5, 5, 5, 5]);
    const big = good();
    big.layout = { x: [3.4e38, -3.4e38, 0, 1], y: [0, 0, 0, 0] };
    const layout = decodeDataset(validateDataset(big)).layout!;
    expect(layout.x.every((v) => Number.isFinite(v))).toBe(true);
  });

  it("names the message whose running time leaves the range, checking 500,000 times in one pass", () => {
    const n = 500_000;
    const f = tinyFile(2, [msg(0, 0, [1])]);
    const fill = (v: number) => new Array<number>(n).fill(v);
    f.messages = {
      ...f.messages,
      time: fill(0),
      sender: fill(0),
      toCount: fill(1),
      to: fill(1),
      ccCount: fill(0),
      bccCount: fill(0),
      subject: fill(0),
    };
    f.messages.time[3] = 1e12;
    let e: DatasetError | undefined;
    try {
      validateDataset(f, "big.json");
    } catch (err) {
      e = err as DatasetError;
    }
    expect(e?.field).toBe("messages.time[3]");
    expect(e?.problem).toBe(
      "puts message 3 at 27 Sep 33658 (seconds 1000000000000): times must fall between 1970 and 2100",
    );
    // Small steps that add up past 2100 are caught at the message that crosses it.
    f.messages.time.fill(9000);
    f.messages.time[0] = 0;
    const crossing = Math.floor(4102444800 / 9000) + 1;
    expect(() => validateDataset(f, "big.json")).toThrow(
      `big.json: messages.time[${crossing}]: puts message ${crossing} at 1 Jan 2100 (seconds ${crossing * 9000})`,
    );
  });
});
