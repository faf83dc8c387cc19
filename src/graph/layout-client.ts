// Runs the layout in a worker for datasets that ship without one; dispose() stops it.
import type { LayoutInput } from "./layout";

export function layoutInWorker(input: LayoutInput): { result: Promise<{ x: Float32Array; y: Float32Array }>; dispose(): void } {
  const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  const result = new Promise<{ x: Float32Array; y: Float32Array }>((resolve, reject) => {
    worker.onmessage = (ev: MessageEvent<{ x: Float32Array; y: Float32Array }>) => {
      resolve(ev.data);
      worker.terminate();
    };
    worker.onerror = (ev) => reject(new Error(`layout failed: ${ev.message}`));
  });
  const { source, target, weight } = input;
  worker.postMessage({ ...input, source: source.slice(), target: target.slice(), weight: weight.slice() });
  return { result, dispose: () => worker.terminate() };
}
