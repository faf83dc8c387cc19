// The play control: a button and a window length; playing moves that window through the data by
// setting the period, one step per animation frame once the previous frame has been drawn and a
// minimum interval has passed, so the whole span takes about 15 s (windows are skipped when
// drawing is slower than that). Stops at the end, on the
// button, or on any key (swallowed). Each step's main-thread time is measured ("sb:play-frame").
import type { Period } from "../graph/period";
import { PLAY_LENGTHS, playWindows, stepDays, type PlayLength } from "../time/play";
import { h } from "../ui/dom";
import { onKeys } from "../ui/keys";

export interface PlayOptions {
  full: Period;
  timeZone: string;
  /** The period now chosen (the whole span when none is). */
  period(): Period;
  /** Shows one window: moves the brush there and sets the period. */
  show(window: Period): void;
}

export interface PlayControl {
  stop(): void;
  dispose(): void;
}

/** Minimum time between steps, and the time the whole span should take. */
export const MIN_INTERVAL_MS = 60;
export const TARGET_MS = 15_000;

/** The windows a play shows: from the chosen period's start (from the beginning when the whole
 *  span or its end is chosen) to the end, stepped so the span takes about TARGET_MS. */
function windowsToPlay(opts: PlayOptions, length: PlayLength): Period[] {
  const { full, timeZone } = opts;
  const current = opts.period();
  const whole = current.start === full.start && current.end === full.end;
  const from = whole || current.end >= full.end ? full.start : current.start;
  return playWindows(full, from, length, stepDays(full, TARGET_MS / MIN_INTERVAL_MS, timeZone), timeZone);
}

export function mountPlayControl(el: HTMLElement, opts: PlayOptions): PlayControl {
  const button = h("button", { type: "button", class: "timeline-play" }, "Play");
  const select = h("select", { class: "timeline-play-length", "aria-label": "Play window length" });
  for (const { value, label } of PLAY_LENGTHS) select.append(new Option(label, value));
  el.append(button, select);
  let frame = 0;
  let playing = false;

  const swallow = (ev: KeyboardEvent) => {
    ev.preventDefault();
    ev.stopImmediatePropagation();
  };
  let removeKeys = () => {};
  const onKey = (): boolean => {
    stop();
    // The key's release must not act either (Space on the button would start playing again).
    document.addEventListener("keyup", swallow, { capture: true, once: true });
    return true;
  };

  const stop = () => {
    if (!playing) return;
    playing = false;
    cancelAnimationFrame(frame);
    removeKeys();
    button.textContent = "Play";
    button.removeAttribute("aria-pressed");
    el.classList.remove("playing");
  };

  const start = () => {
    const windows = windowsToPlay(opts, select.value as PlayLength);
    playing = true;
    button.textContent = "Stop";
    button.setAttribute("aria-pressed", "true");
    el.classList.add("playing");
    removeKeys = onKeys("first", onKey);
    let next = 0;
    let last = -Infinity;
    let began = -1;
    const tick = (now: number) => {
      if (!playing) return;
      if (began < 0) began = now;
      if (now - last >= MIN_INTERVAL_MS) {
        last = now;
        // Where the window should be by now: when drawing is slower than the interval, windows
        // are skipped so the span still takes about the target time.
        const due = Math.floor((now - began) / MIN_INTERVAL_MS);
        next = Math.min(windows.length - 1, Math.max(next, due));
        const t0 = performance.now();
        opts.show(windows[next++]);
        performance.measure("sb:play-frame", { start: t0, end: performance.now() });
        if (next >= windows.length) return stop();
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
  };

  button.addEventListener("click", () => (playing ? stop() : start()));
  return {
    stop,
    dispose() {
      stop();
      button.remove();
      select.remove();
    },
  };
}
