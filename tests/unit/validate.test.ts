import { describe, expect, it } from "vitest";
import { decodeDataset } from "../../src/data/decode";
import { DatasetError } from "../../src/data/errors";
import { parseDataset } from "../../src/data/load";
import { validateDataset } from "../../src/data/validate";
import { msg, T0, tinyFile } from "./fixtures";

const good = () => tinyFile(4, [msg(0, 0, [1, 2], [3]), msg(2, 1, [0]), { time: null, sender: 2, to: [3], cc: [], bcc: [1], subject: "Undated" }]);

function problem(mutate: (f: Record<string, any>) => void): DatasetError {
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
    ["format", (f: any) => (f.format = "gephi"), /format: expected "switchboard-dataset"/],
    ["version", (f: any) => (f.version = 7), /version: version number 7 is not supported/],
    ["meta.title", (f: any) => delete f.meta.title, /meta\.title: expected text, found undefined/],
    ["meta.synthetic", (f: any) => (f.meta.synthetic = "yes"), /meta\.synthetic: expected true or false/],
    ["people.name", (f: any) => f.people.name.pop(), /people\.name: has 3 entries, expected 4/],
    ["people.address[2]", (f: any) => ((f.people.address[2] = " "), (f.people.name[2] = "")), /people\.address\[2\]: is empty, and so is people\.name/],
    ["messages.sender[1]", (f: any) => (f.messages.sender[1] = 9), /messages\.sender\[1\]: 9 is out of range \(dataset has 4 people\)/],
    ["messages.to[0]", (f: any) => (f.messages.to[0] = 1.5), /messages\.to\[0\]: expected an integer, found number 1\.5/],
    ["messages.cc", (f: any) => (f.messages.ccCount[1] = 2), /messages\.cc: has 1 entries but messages\.ccCount adds up to 3/],
    ["messages.time[1]", (f: any) => (f.messages.time[1] = -5), /messages\.time\[1\]: negative delta -5/],
    ["messages.subject[0]", (f: any) => (f.messages.subject[0] = 40), /messages\.subject\[0\]: 40 is out of range/],
    ["annotations[0].date", (f: any) => (f.annotations = [{ date: "soon", label: "x" }]), /annotations\[0\]\.date: "soon" is not an ISO 8601 date/],
    ["layout.x", (f: any) => (f.layout = { x: [1], y: [1, 2, 3, 4] }), /layout\.x: expected one number per person \(4\)/],
  ])("names the field %s", (field, mutate, message) => {
    const e = problem(mutate);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
    expect(e.message.startsWith("corpus.json: ")).toBe(true);
  });
});
