// The view and its story in one link (pure): the view as url.ts writes it, then `story=` (the story
// file as base64url JSON) and `step=` (the step being played, from 1). Reading a link that carries a
// broken story keeps the view and names the story's problems, as the link codec does for the view.
import { decodeView, encodeView, type LinkContext } from "../state/url";
import type { ViewState } from "../state/view-state";
import { clampStep } from "../state/story";
import { storyFromJson, storyToFile } from "./story-file";

/** Only this much of a story parameter is read (a long story still fits a URL many times over). */
const MAX_STORY = 200_000;

export function toBase64Url(text: string): string {
  let bin = "";
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): string | null {
  try {
    const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

export function encodeLink(s: ViewState, ctx: LinkContext): string {
  // Playing turns projector mode on by itself: the link keeps the presenter's own choice.
  const view = s.playing && !s.playing.wasPresent ? { ...s, flags: withoutPresent(s.flags) } : s;
  const parts = [encodeView(view, ctx)];
  if (s.story?.steps.length) parts.push(`story=${toBase64Url(JSON.stringify(storyToFile(s.story, ctx)))}`);
  if (s.story?.steps.length && s.playing) parts.push(`step=${s.playing.step + 1}`);
  return parts.filter(Boolean).join("&");
}

export function decodeLink(
  hash: string,
  ctx: LinkContext,
  data: string | null,
): { view: ViewState; ignored: string[] } {
  const body = hash.startsWith("#") ? hash.slice(1) : hash;
  let storyText: string | null = null;
  let stepText: string | null = null;
  const rest = body.split("&").filter((part) => {
    if (part.startsWith("story=") && storyText === null) storyText = part.slice(6, 6 + MAX_STORY);
    else if (part.startsWith("step=") && stepText === null) stepText = part.slice(5);
    else return true;
    return false;
  });
  const { view, ignored } = decodeView(rest.join("&"), ctx, data);
  if (storyText === null) {
    if (stepText !== null) ignored.push(`step "${stepText}" (no story in the link)`);
    return { view, ignored };
  }
  const json = fromBase64Url(storyText);
  let parsed: unknown = null;
  try {
    parsed = json === null ? null : JSON.parse(json);
  } catch {
    parsed = null;
  }
  const r =
    parsed === null ? { story: null, errors: ["not a story written by Switchboard"] } : storyFromJson(parsed, ctx);
  if (!r.story) {
    ignored.push(...r.errors.map((e) => `story: ${e}`));
    return { view, ignored };
  }
  view.story = r.story;
  if (stepText !== null) {
    const n = /^\d{1,3}$/.test(stepText) ? Number(stepText) : NaN;
    if (n >= 1 && n <= r.story.steps.length) {
      view.playing = { step: clampStep(r.story, n - 1), wasPresent: view.flags.present === "1" };
      if (view.flags.embed !== "1") view.flags = { ...view.flags, present: "1" };
    } else ignored.push(`step "${stepText}" (must be 1 to ${r.story.steps.length})`);
  }
  return { view, ignored };
}

function withoutPresent(flags: Record<string, string>): Record<string, string> {
  const out = { ...flags };
  delete out.present;
  return out;
}
