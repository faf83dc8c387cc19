// Minimal DOM helper: elements built with textContent only, so dataset text is never parsed as HTML.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children)
    if (c !== null && c !== undefined && c !== false) el.append(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

/** A `<button type="button">` (never a form's submit button). */
export function button(props: Partial<Record<string, string>>, ...children: Child[]): HTMLButtonElement {
  return h("button", { type: "button", ...props }, ...children);
}
