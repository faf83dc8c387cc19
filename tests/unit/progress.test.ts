// Download progress: how sizes and progress read, and what loadDatasetFromUrl reports as a dataset
// arrives in chunks (with a Content-Length, without one, compressed, aborted).
import { afterEach, describe, expect, it, vi } from "vitest";
import { encodeDataset } from "../../src/data/decode";
import { loadDatasetFromUrl, type DownloadProgress } from "../../src/data/load";
import { openBytes } from "../../src/data/opened";
import { formatBytes, formatProgress, percentOf } from "../../src/ui/format";

describe("formatBytes", () => {
  it("says bytes below a kilobyte, then kB, MB, GB with one decimal below 10", () => {
    expect(formatBytes(0)).toBe("0 bytes");
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(999)).toBe("999 bytes");
    expect(formatBytes(1000)).toBe("1.0 kB");
    expect(formatBytes(3_449)).toBe("3.4 kB");
    expect(formatBytes(850_400)).toBe("850 kB");
    expect(formatBytes(999_400)).toBe("999 kB");
    expect(formatBytes(999_600)).toBe("1.0 MB"); // not "1,000 kB"
    expect(formatBytes(1_234_567)).toBe("1.2 MB");
    expect(formatBytes(2_500_000)).toBe("2.5 MB");
    expect(formatBytes(25_300_000)).toBe("25 MB");
    expect(formatBytes(4_200_000_000)).toBe("4.2 GB");
  });
});

describe("formatProgress", () => {
  it("gives bytes of the total and the whole percent, rounded down", () => {
    expect(formatProgress(1_200_000, 2_500_000)).toBe("1.2 MB of 2.5 MB (48%)");
    expect(formatProgress(0, 2_500_000)).toBe("0 bytes of 2.5 MB (0%)");
    expect(formatProgress(2_499_999, 2_500_000)).toBe("2.5 MB of 2.5 MB (99%)");
    expect(formatProgress(2_500_000, 2_500_000)).toBe("2.5 MB of 2.5 MB (100%)");
  });
  it("gives the bytes alone when the total is not known", () => {
    expect(formatProgress(1_234_567, null)).toBe("1.2 MB");
    expect(formatProgress(512, null)).toBe("512 bytes");
  });
  it("keeps the percentage between 0 and 100", () => {
    expect(percentOf(5, 0)).toBe(100);
    expect(percentOf(150, 100)).toBe(100);
    expect(percentOf(1, 3)).toBe(33);
  });
});

const DATASET = JSON.stringify(
  encodeDataset({
    meta: { title: "Tiny é", synthetic: true, timeZone: "UTC" },
    people: { address: ["a@example.org", "b@example.org"], name: ["Zoë", "Bo"] },
    messages: [{ time: Date.UTC(2016, 3, 1), sender: 0, to: [1], cc: [], bcc: [], subject: "Héllo" }],
  }),
);
const BYTES = new TextEncoder().encode(DATASET);

/** A response delivering the body in pieces of `size` bytes (splitting multi-byte characters too). */
let pulled = 0;
function chunked(size: number, headers: Record<string, string>): Response {
  let at = 0;
  pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (at >= BYTES.length) return c.close();
      c.enqueue(BYTES.slice(at, at + size));
      pulled++;
      at += size;
    },
  });
  return new Response(body, { status: 200, headers });
}

afterEach(() => vi.unstubAllGlobals());

/** Opens on this thread (the page opens in a worker: decode-client.ts). */
const open = async (bytes: Uint8Array, source: string) => openBytes(bytes, source);

describe("loadDatasetFromUrl", () => {
  it("reports the bytes as they arrive, with the Content-Length as the total, and decodes the dataset", async () => {
    vi.stubGlobal("fetch", async () => chunked(100, { "Content-Length": String(BYTES.length) }));
    const seen: DownloadProgress[] = [];
    const { ds, edges } = await loadDatasetFromUrl("http://x/d.json", open, undefined, (p) => seen.push(p));
    expect(ds.meta.title).toBe("Tiny é");
    expect(ds.people.name[0]).toBe("Zoë");
    expect([...edges.source, ...edges.target, ...edges.totalWeight]).toEqual([0, 1, 1]);
    const steps = Math.ceil(BYTES.length / 100);
    expect(seen).toEqual([
      { loaded: 0, total: BYTES.length },
      ...Array.from({ length: steps }, (_, i) => ({
        loaded: Math.min(BYTES.length, (i + 1) * 100),
        total: BYTES.length,
      })),
    ]);
  });

  it("reports the bytes alone when there is no Content-Length, or the body is compressed", async () => {
    const cases: Record<string, string>[] = [{}, { "Content-Length": "40", "Content-Encoding": "gzip" }];
    for (const headers of cases) {
      vi.stubGlobal("fetch", async () => chunked(64, headers));
      const seen: DownloadProgress[] = [];
      await loadDatasetFromUrl("http://x/d.json", open, undefined, (p) => seen.push(p));
      expect(seen.every((p) => p.total === null)).toBe(true);
      expect(seen.at(-1)).toEqual({ loaded: BYTES.length, total: null });
    }
  });

  it("drops a total the body outgrows, rather than pass 100%", async () => {
    vi.stubGlobal("fetch", async () => chunked(64, { "Content-Length": "100" }));
    const seen: DownloadProgress[] = [];
    await loadDatasetFromUrl("http://x/d.json", open, undefined, (p) => seen.push(p));
    expect(seen[1]).toEqual({ loaded: 64, total: 100 });
    expect(seen[2]).toEqual({ loaded: 128, total: null });
    expect(seen.at(-1)).toEqual({ loaded: BYTES.length, total: null });
  });

  it("stops reading and reporting once aborted, and rejects", async () => {
    const ctl = new AbortController();
    vi.stubGlobal("fetch", async () => chunked(32, { "Content-Length": String(BYTES.length) }));
    const seen: DownloadProgress[] = [];
    const load = loadDatasetFromUrl("http://x/d.json", open, ctl.signal, (p) => {
      seen.push(p);
      if (p.loaded >= 64) ctl.abort();
    });
    await expect(load).rejects.toThrow();
    expect(seen.at(-1)!.loaded).toBe(64);
    expect(BYTES.length).toBeGreaterThan(32 * 6);
    expect(pulled).toBeLessThan(6); // the stream was cancelled, not read to its end
  });
});
