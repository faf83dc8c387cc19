// Opening a dataset in a worker (src/data/decode-client.ts): the real worker handler behind a
// stand-in Worker that clones and transfers as a browser does, against opening on this thread.
import { describe, expect, it } from "vitest";
import { ON_PAGE_BYTES, openDataset, openInWorker } from "../../src/data/decode-client";
import { encodeDataset } from "../../src/data/decode";
import { DatasetError } from "../../src/data/errors";
import { answerDecode, openBytes, openedBuffers } from "../../src/data/opened";
import { serveWorker, type WorkerScope } from "../../src/workers/serve";

const FILE = JSON.stringify(
  encodeDataset({
    meta: { title: "Three", synthetic: true, timeZone: "UTC" },
    people: { address: ["a@x.org", "b@x.org", "c@x.org"], name: ["A", "B", "C"] },
    messages: [
      { time: Date.UTC(2016, 3, 1), sender: 0, to: [1, 2], cc: [], bcc: [], subject: "one" },
      { time: Date.UTC(2016, 3, 2), sender: 1, to: [0], cc: [2], bcc: [], subject: "two" },
      { time: Date.UTC(2016, 3, 3), sender: 0, to: [1], cc: [], bcc: [], subject: "three" },
    ],
  }),
);
const bytes = () => new TextEncoder().encode(FILE);

type Listener = (ev: { data: unknown }) => void;
/** A Worker running `serveWorker(answerDecode)` in this thread; messages are structured-cloned
 *  with their transfer lists both ways, so transferred buffers are detached as in a browser. */
function loopbackWorker(): Worker {
  const listeners: Listener[] = [];
  const scope: WorkerScope = {
    onmessage: null,
    postMessage: (msg, transfer = []) => {
      const data = structuredClone(msg, { transfer: transfer as Transferable[] });
      queueMicrotask(() => listeners.forEach((l) => l({ data })));
    },
  };
  const worker = {
    addEventListener: (type: string, l: Listener) => type === "message" && listeners.push(l),
    postMessage: (msg: unknown, transfer: Transferable[] = []) => {
      const data = structuredClone(msg, { transfer });
      queueMicrotask(() => scope.onmessage?.({ data } as MessageEvent));
    },
    terminate: () => {},
  };
  queueMicrotask(() => serveWorker(answerDecode, scope));
  return worker as unknown as Worker;
}

describe("openInWorker", () => {
  it("opens the dataset and its edge index as this thread would, and takes the bytes it was handed", async () => {
    const input = bytes();
    const opened = await openInWorker(input, "three.json", loopbackWorker);
    const here = openBytes(bytes(), "three.json");
    expect(opened).toEqual(here);
    // Edges counted from the messages: 0→1 (twice), 0→2, 1→0, 1→2.
    const pairs = Array.from(
      opened.edges.source,
      (s, e) => `${s}>${opened.edges.target[e]}:${opened.edges.totalWeight[e]}`,
    );
    expect(pairs.sort()).toEqual(["0>1:2", "0>2:1", "1>0:1", "1>2:1"]);
    expect(input.byteLength).toBe(0); // transferred, not copied
  });

  it("rejects with the DatasetError the file deserves, naming the file", async () => {
    const broken = new TextEncoder().encode(FILE.replace('"version":1', '"version":9'));
    const err = await openInWorker(broken, "later.json", loopbackWorker).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as DatasetError).source).toBe("later.json");
    expect((err as DatasetError).field).toBe("version");
    const notJson = await openInWorker(new TextEncoder().encode("{nope"), "x.json", loopbackWorker).catch((e) => e);
    expect(String(notJson)).toMatch(/x\.json: \(file\): is not valid JSON/);
  });

  it("says a file that is not UTF-8 is not, rather than open it with characters replaced", async () => {
    const latin1 = new Uint8Array([...bytes().slice(0, 20), 0xe9, ...bytes().slice(20)]);
    const err = await openInWorker(latin1, "latin1.json", loopbackWorker).catch((e: unknown) => e);
    expect(String(err)).toBe("DatasetError: latin1.json: (file): is not UTF-8 text");
  });

  it("opens on this thread when no worker can start", async () => {
    const opened = await openInWorker(bytes(), "three.json", () => {
      throw new Error("module workers refused");
    });
    expect(opened).toEqual(openBytes(bytes(), "three.json"));
  });
});

describe("openDataset", () => {
  it("opens a file under 1 MB on this thread, and a larger one in a worker", async () => {
    let started = 0;
    const counting = () => (started++, loopbackWorker());
    const small = await openDataset(bytes(), "small.json", counting);
    expect(started).toBe(0);
    // The same dataset with whitespace after it (valid JSON) is over the line.
    const padded = new TextEncoder().encode(FILE + " ".repeat(ON_PAGE_BYTES));
    const large = await openDataset(padded, "large.json", counting);
    expect(started).toBe(1);
    expect(large).toEqual(small);
    expect(padded.byteLength).toBe(0); // handed to the worker
  });
});

describe("openedBuffers", () => {
  it("lists each typed array's buffer once: messages, layout, edges and adjacency", () => {
    const opened = openBytes(bytes(), "three.json");
    const buffers = openedBuffers(opened);
    const { messages } = opened.ds;
    const { edges } = opened;
    const arrays: ArrayBufferView[] = [
      ...[messages.time, messages.sender, messages.rcptStart, messages.rcpt, messages.rcptRole, messages.subject],
      ...[edges.source, edges.target, edges.totalWeight, edges.strength],
      ...[edges.msgEdgeStart, edges.msgEdge, edges.msgEdgeRoles],
      ...Object.values(opened.adj),
    ];
    const expected = arrays.map((a) => a.buffer);
    expect(new Set(buffers)).toEqual(new Set(expected));
    expect(buffers.length).toBe(new Set(buffers).size);
  });
});
