// Lines made of parts that wrap between parts, never inside one: "9 Sep 2013 – 25 May 2016 · 19,997
// messages · 1,896 people" breaks after a " ·", never inside a date or a number. The text reads the
// same as the parts joined with " · ".
import { h } from "./dom";
import "./nowrap.css";

/** A part kept on one line (a date, a period, a count with its unit). */
export function nowrap(text: string): HTMLSpanElement {
  return h("span", { class: "nowrap" }, text);
}

/** The parts joined with " · ": strings are kept on one line each, nodes wrap as they like; a line
 *  breaks only after a separator. */
export function partsLine(parts: (string | Node)[]): Node[] {
  const out: Node[] = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push(document.createTextNode(" "));
    out.push(typeof part === "string" ? nowrap(part) : part);
    if (i < parts.length - 1) out.push(h("span", { class: "nowrap parts-sep" }, " ·"));
  });
  return out;
}
