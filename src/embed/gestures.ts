// How an embedded network shares the page's gestures, as embedded maps do: the wheel scrolls the
// article until the reader clicks into the graphic (or holds Ctrl/⌘); one finger scrolls the page
// and two pinch-zoom the graphic. Leaving the graphic hands the wheel back to the page.
import type { NetworkView } from "../render/network";

export interface ReaderGestures {
  /** Applies the settings to a sigma instance (again after it is rebuilt). */
  configure(network: NetworkView): void;
  dispose(): void;
}

export function readerGestures(el: HTMLElement): ReaderGestures {
  let network: NetworkView | null = null;
  const set = (target: "shared" | "graph") => {
    network?.renderer.setSetting("gestureTarget", target);
    el.dataset.gestures = target;
  };
  const onDown = (e: PointerEvent) => {
    if (e.pointerType === "mouse") set("graph");
  };
  const onLeave = () => set("shared");
  el.addEventListener("pointerdown", onDown);
  el.addEventListener("pointerleave", onLeave);
  return {
    configure(n) {
      network = n;
      n.renderer.setSettings({
        sharedGestureWheelMessage: "Click the graphic, or hold Ctrl while scrolling, to zoom",
        sharedGestureAppleWheelMessage: "Click the graphic, or hold ⌘ while scrolling, to zoom",
        sharedGestureTouchMessage: "Use two fingers to move and zoom the graphic",
      });
      set("shared");
    },
    dispose() {
      el.removeEventListener("pointerdown", onDown);
      el.removeEventListener("pointerleave", onLeave);
    },
  };
}
