// Draws a Scene with canvas 2D: the network alone (the live view's still image when WebGL is lost)
// or a whole export page (title, period, network, legend, credit) for the PNG. Every line is
// stroked on its own, so overlapping faint lines darken as they do in the live WebGL view.
import type { FrameLayout, Measure } from "./layout-frame";
import type { NetworkScene, SceneFrame } from "../render/scene";
import { labelFont } from "../theme/fonts";

export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** The network, in its own CSS px from (0, 0), clipped to its area; `background` fills it first. */
export function drawNetworkScene(ctx: Context2D, scene: NetworkScene, background: string | null = null): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, scene.width, scene.height);
  ctx.clip();
  if (background) {
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, scene.width, scene.height);
  }
  ctx.lineCap = "round";
  for (const e of scene.edges) {
    ctx.beginPath();
    ctx.moveTo(e.x1, e.y1);
    ctx.lineTo(e.x2, e.y2);
    ctx.lineWidth = e.width;
    ctx.strokeStyle = e.colour;
    ctx.stroke();
  }
  ctx.lineWidth = 1;
  for (const n of scene.nodes) {
    ctx.beginPath();
    ctx.arc(n.x, n.y, n.r, 0, Math.PI * 2);
    ctx.fillStyle = n.fill;
    ctx.fill();
    if (n.stroke) {
      ctx.strokeStyle = n.stroke;
      ctx.stroke();
    }
  }
  ctx.textBaseline = "alphabetic";
  ctx.textAlign = "left";
  ctx.lineJoin = "round";
  for (const l of scene.labels) {
    ctx.font = labelFont(l.size, l.bold);
    ctx.lineWidth = Math.max(2, l.size * 0.25);
    ctx.strokeStyle = l.halo;
    ctx.strokeText(l.text, l.x, l.y);
    ctx.fillStyle = l.colour;
    ctx.fillText(l.text, l.x, l.y);
  }
  ctx.restore();
}

/** A whole export page in CSS px (scale the context first for the pixel density). */
export function drawExport(ctx: Context2D, layout: FrameLayout, frame: SceneFrame, network: NetworkScene): void {
  ctx.save();
  ctx.fillStyle = frame.colours.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.save();
  ctx.translate(layout.network.x, layout.network.y);
  drawNetworkScene(ctx, network);
  ctx.restore();
  ctx.textBaseline = "alphabetic";
  ctx.textAlign = "left";
  for (const t of [...layout.texts, ...layout.legend.map((i) => i.label)]) {
    ctx.font = t.font;
    ctx.fillStyle = t.colour;
    ctx.fillText(t.text, t.x, t.y);
  }
  for (const item of layout.legend) {
    ctx.beginPath();
    ctx.arc(item.cx, item.cy, item.r, 0, Math.PI * 2);
    ctx.fillStyle = item.colour;
    ctx.fill();
  }
  ctx.restore();
}

/** The live view's still image: the scene drawn into `canvas` at the screen's pixel density. */
export function drawStill(canvas: HTMLCanvasElement, scene: NetworkScene, background: string): void {
  const dpr = Math.max(1, window.devicePixelRatio || 1);
  canvas.width = Math.round(scene.width * dpr);
  canvas.height = Math.round(scene.height * dpr);
  canvas.style.width = `${scene.width}px`;
  canvas.style.height = `${scene.height}px`;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas context");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawNetworkScene(ctx, scene, background);
}

/** Text widths as the browser's canvas measures them (the fonts an export is drawn in). */
export function canvasMeasure(): Measure {
  const canvas = typeof OffscreenCanvas !== "undefined" ? new OffscreenCanvas(1, 1) : document.createElement("canvas");
  const ctx = canvas.getContext("2d") as Context2D | null;
  if (!ctx) throw new Error("no 2D canvas context");
  return (text, font) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}
