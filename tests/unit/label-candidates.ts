// Random label candidates over an area (names of 3–20 characters, radii 2–14 px, three priorities,
// a few bold): the shared input of the label-placement tests and `npm run bench:labels`.
import type { Rng } from "../../src/graph/random";
import type { LabelCandidate } from "../../src/render/labels";

export type Area = { width: number; height: number };

export function randomCandidates(rng: Rng, n: number, area: Area): LabelCandidate[] {
  return Array.from({ length: n }, (_, id) => ({
    id,
    text: "N".repeat(3 + Math.floor(rng() * 18)),
    x: rng() * area.width,
    y: rng() * area.height,
    r: 2 + rng() * 12,
    priority: Math.floor(rng() * 3),
    bold: rng() < 0.05,
  }));
}
