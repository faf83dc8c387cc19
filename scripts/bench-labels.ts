// Label placement speed: random names among as many nodes, in a 1280×800 view, best of 15 runs
// each (the least disturbed by other work on the machine). Placement uses a grid of cells, so
// time grows near-linearly: 4× the candidates should take well under 8× the time (a pairwise
// placement would take 16×). Prints one JSON object.
import { placeLabels, type LabelCandidate } from "../src/render/labels";
import { seededRng } from "../src/graph/random";
import { randomCandidates } from "../tests/unit/label-candidates";

const FS = 13;
const area = { width: 1280, height: 800 };
const measure = (text: string, bold: boolean) => text.length * FS * (bold ? 0.6 : 0.55);

function candidates(n: number): LabelCandidate[] {
  return randomCandidates(seededRng(5), n, area);
}

function bestMs(cands: LabelCandidate[]): number {
  let best = Infinity;
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    placeLabels(cands, measure, { ...area, fontSize: FS, obstacles: cands });
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const all = candidates(8000);
bestMs(all); // warm up the JIT
const sizes = [1250, 5000, 8000];
const ms = Object.fromEntries(sizes.map((n) => [n, Math.round(bestMs(all.slice(0, n)) * 100) / 100]));
console.log(
  JSON.stringify({ label_placement_best_ms: ms, ratio_5000_to_1250: Math.round((ms[5000] / ms[1250]) * 100) / 100 }),
);
