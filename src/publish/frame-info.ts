// What an export says around the network (pure): the dataset's title, the period line the app shows
// (with the focus, when there is one), the communities' legend in the colours drawn on the chosen
// background, and the credit (source, licence, "Made with Switchboard").
import { OTHER_COLOUR, PALETTE } from "../communities/describe";
import type { CommunityState } from "../communities/runner";
import { displayName } from "../data/people";
import type { Dataset } from "../data/types";
import { formatNumber, formatSummary, plural } from "../ui/format";
import type { Focus, PeriodStats } from "../graph/period";
import { nodeColour, THEMES } from "../theme/theme";
import type { LegendItem, SceneFrame, Theme } from "../render/scene";

export interface FrameInput {
  stats: PeriodStats;
  communities: CommunityState;
  focus: Focus | null;
}

/** The period line: "13 Feb – 25 May 2016 · 1,204 messages · 310 people", and the focus if any. */
export function subtitleFor(ds: Dataset, stats: PeriodStats, focus: Focus | null): string {
  const summary = formatSummary(stats.period, ds.meta.timeZone, stats.messages, stats.people);
  if (!focus) return summary;
  const steps = focus.steps === 1 ? "1 step" : "2 steps";
  return `${summary} · ${displayName(ds.people, focus.person)}'s network, ${steps} out`;
}

/** One item per palette community (as the legend panel lists them), then the smaller ones together. */
export function legendFor(communities: CommunityState, theme: Theme): LegendItem[] {
  const list = communities.result?.list ?? [];
  const named = list.filter((c) => c.index < PALETTE.length && c.size > 0);
  const rest = list.filter((c) => c.index >= PALETTE.length && c.size > 0);
  const items = named.map((c) => ({
    colour: nodeColour(c.colour, theme),
    label: `${c.label} (${formatNumber(c.size)})`,
  }));
  if (rest.length) {
    const people = rest.reduce((s, c) => s + c.size, 0);
    items.push({
      colour: nodeColour(OTHER_COLOUR, theme),
      label: `${plural(rest.length, "smaller community", "smaller communities")} (${formatNumber(people)})`,
    });
  }
  return items;
}

/** "Source: … · Licence: … · Fictional data · Made with Switchboard". */
export function creditFor(ds: Dataset): string {
  const { source, licence, synthetic } = ds.meta;
  const parts = [
    source ? `Source: ${source}` : "",
    licence ? `Licence: ${licence}` : "",
    synthetic ? "Fictional data" : "",
  ];
  return [...parts.filter(Boolean), "Made with Switchboard"].join(" · ");
}

export function frameFor(ds: Dataset, input: FrameInput, theme: Theme): SceneFrame {
  const t = THEMES[theme];
  return {
    title: ds.meta.title || "Untitled dataset",
    subtitle: subtitleFor(ds, input.stats, input.focus),
    legend: legendFor(input.communities, theme),
    credit: creditFor(ds),
    theme,
    colours: { background: t.background, text: t.text, muted: t.muted },
  };
}
