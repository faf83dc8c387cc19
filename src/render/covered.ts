// What lies over the network and hides part of it, read from the page's layout: a panel (a strip on
// the left or the top) and controls (buttons, cards). The label layer keeps names out from under them.
import type { Covered } from "./label-layer";
import { DEFAULT_NETWORK_SETTINGS, type LabelSettings } from "./settings";

/** What the element's siblings laid over it hide: a panel (a strip on the left spanning its height,
 *  or on top spanning its width) and controls (any other box). Read from the layout on each frame,
 *  so it follows a panel as it opens, closes or changes size. */
export function coveredBySiblings(el: HTMLElement, s: LabelSettings = DEFAULT_NETWORK_SETTINGS.labels): Covered {
  const { coverMinSide: least, coverSlack: slack } = s;
  const c = el.getBoundingClientRect();
  const out: Covered = { left: 0, top: 0, boxes: [] };
  for (const sib of el.parentElement?.children ?? []) {
    if (sib === el || !(sib instanceof HTMLElement) || sib.hidden || sib.offsetParent === null) continue;
    const r = sib.getBoundingClientRect();
    const apart = r.right <= c.left || r.bottom <= c.top || r.left >= c.right || r.top >= c.bottom;
    if (r.width < least || r.height < least || apart) continue;
    const tall = r.top <= c.top + slack && r.bottom >= c.bottom - slack;
    const wide = r.left <= c.left + slack && r.right >= c.right - slack;
    if (tall && wide) continue; // a full overlay (the table view): nothing of the network shows
    if (tall && r.left <= c.left + slack) out.left = Math.max(out.left, r.right - c.left);
    else if (wide && r.top <= c.top + slack) out.top = Math.max(out.top, r.bottom - c.top);
    else {
      // Controls: a toolbar's buttons one by one (names may sit between them), any other box whole.
      const toolbar = sib.classList.contains("network-tools");
      const parts = toolbar && sib.children.length ? [...sib.children].map((k) => k.getBoundingClientRect()) : [r];
      for (const p of parts) {
        if (p.width === 0 || p.height === 0) continue;
        out.boxes.push({ x0: p.left - c.left, y0: p.top - c.top, x1: p.right - c.left, y1: p.bottom - c.top });
      }
    }
  }
  return out;
}
