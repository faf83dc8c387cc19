// Web Worker body: computes the ForceAtlas2 layout off the main thread.
import { computeLayout, type LayoutInput } from "./layout";

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (ev: MessageEvent<LayoutInput>) => {
  const { x, y } = computeLayout(ev.data);
  scope.postMessage({ x, y }, [x.buffer, y.buffer]);
};
