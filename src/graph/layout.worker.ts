// Web Worker body: computes the ForceAtlas2 layout off the main thread and transfers it back.
import { serveWorker } from "../workers/serve";
import { computeLayout, type LayoutInput, type LayoutOutput } from "./layout";

serveWorker<LayoutInput, LayoutOutput>((input) => {
  const { x, y } = computeLayout(input);
  return { res: { x, y }, transfer: [x.buffer, y.buffer] };
});
