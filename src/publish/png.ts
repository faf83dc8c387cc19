// The PNG export: the page laid out in CSS px, drawn at twice the pixel density (sharp on a retina
// screen and in print), made into a Blob in the browser. Nothing leaves the page.
import { canvasMeasure, drawExport, type Context2D } from "./draw-canvas";
import { layoutFrame, type FrameLayout } from "./layout-frame";
import type { NetworkScene, SceneFrame } from "../render/scene";

export const PNG_DENSITY = 2;

export interface PngPage {
  width: number;
  height: number;
}

function canvasOf(width: number, height: number): { ctx: Context2D; blob(): Promise<Blob> } {
  if (typeof OffscreenCanvas !== "undefined") {
    const c = new OffscreenCanvas(width, height);
    const ctx = c.getContext("2d");
    if (ctx) return { ctx, blob: () => c.convertToBlob({ type: "image/png" }) };
  }
  const c = document.createElement("canvas");
  c.width = width;
  c.height = height;
  const ctx = c.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas context");
  return {
    ctx,
    blob: () =>
      new Promise((resolve, reject) =>
        c.toBlob((b) => (b ? resolve(b) : reject(new Error("the image could not be encoded"))), "image/png"),
      ),
  };
}

/** The page's layout and the PNG of it; `networkScene` gives the network for the area left to it. */
export async function renderPng(
  frame: SceneFrame,
  page: PngPage,
  networkScene: (width: number, height: number) => NetworkScene,
  density = PNG_DENSITY,
): Promise<{ blob: Blob; layout: FrameLayout }> {
  const width = Math.round(page.width);
  const height = Math.round(page.height);
  const layout = layoutFrame({ width, height }, frame, canvasMeasure());
  const network = networkScene(layout.network.width, layout.network.height);
  const { ctx, blob } = canvasOf(width * density, height * density);
  ctx.scale(density, density);
  drawExport(ctx, layout, frame, network);
  return { blob: await blob(), layout };
}
