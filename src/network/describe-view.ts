// The view in words, for screen readers (pure): the period, how many people and messages are shown,
// the most connected people, the communities and what is selected, as a few sentences computed
// from the same counts the network draws.
import type { CommunityState } from "../communities/runner";
import { displayName } from "../data/people";
import type { Dataset } from "../data/types";
import { formatNumber, formatPeriod, plural } from "../ui/format";
import type { Chain } from "../graph/chain";
import { activeCount } from "../graph/filters";
import { fullPeriod, type PeriodStats } from "../graph/period";
import { samePeriod, type ViewState } from "../state/view-state";

export interface DescribeViewInput {
  ds: Dataset;
  /** The frame's counts (derived.stats). */
  stats: PeriodStats;
  /** derived.communities. */
  communities: CommunityState;
  state: ViewState;
  /** derived.chain, when the caller has it: the open chain is then named link by link. */
  chain?: Chain | null;
}

/** How many of the most connected people, and of the largest communities, are named. */
export const TOP_PEOPLE = 5;
export const TOP_COMMUNITIES = 3;

/** "a, b and c". */
export function listWords(items: string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** People with shown messages, most messages (sent + received) first, ties by index. */
export function mostConnected(stats: PeriodStats, n = TOP_PEOPLE): { person: number; messages: number }[] {
  const top: { person: number; messages: number }[] = [];
  for (let p = 0; p < stats.sent.length; p++) {
    const messages = stats.sent[p] + stats.received[p];
    if (messages === 0 || (top.length === n && messages <= top[n - 1].messages)) continue;
    let k = top.length;
    while (k > 0 && top[k - 1].messages < messages) k--;
    top.splice(k, 0, { person: p, messages });
    if (top.length > n) top.pop();
  }
  return top;
}

function periodSentence({ ds, state }: DescribeViewInput): string {
  if (ds.messages.datedCount === 0) return "No period: this dataset has no dated messages.";
  const whole = samePeriod(state.period, fullPeriod(ds));
  return `Period: ${formatPeriod(state.period, ds.meta.timeZone)}${whole ? ", the whole corpus" : ""}.`;
}

function shownSentence({ ds, stats, state }: DescribeViewInput): string {
  const filters = activeCount(state.filters);
  const conditions = [
    filters ? `${plural(filters, "filter")} on` : "",
    state.focus
      ? `only ${displayName(ds.people, state.focus.person)}'s network, ${plural(state.focus.steps, "step")} out`
      : "",
  ].filter(Boolean);
  const suffix = conditions.length ? ` (${conditions.join("; ")})` : "";
  const where = ds.messages.datedCount ? " in this period" : "";
  if (stats.messages === 0) return `No messages are shown${where}${suffix}.`;
  return `Shown: ${plural(stats.people, "person", "people")} and ${plural(stats.messages, "message")}${suffix}.`;
}

function peopleSentence({ ds, stats }: DescribeViewInput): string | null {
  const top = mostConnected(stats);
  if (!top.length) return null;
  const named = top.map((t) => `${displayName(ds.people, t.person)} (${plural(t.messages, "message")})`);
  return `Most connected, by messages sent and received: ${listWords(named)}.`;
}

/** "all", or a whole percentage: how much of a community its most common organisation is. */
const share = (f: number) => (f >= 1 ? "all" : `${Math.round(f * 100)}%`);

function communitiesSentence({ communities: c }: DescribeViewInput): string | null {
  if (c.status === "error") return `Communities could not be found${c.error ? `: ${c.error}` : ""}.`;
  if (c.status !== "ready" || !c.result) return "Communities are being found for this view.";
  const list = [...c.result.list].sort((a, b) => b.size - a.size || a.index - b.index);
  if (!list.length) return "No communities: nobody is connected in this view.";
  const largest = list.slice(0, TOP_COMMUNITIES).map((s) => {
    const org = s.domain ? `; ${share(s.domainShare)} ${s.domain}` : "";
    return `${s.label} (${plural(s.size, "person", "people")}${org})`;
  });
  const lead =
    list.length === 1
      ? "1 community, named after its most connected member"
      : `${plural(list.length, "community", "communities")}; the largest, named after their most connected member`;
  return `${lead}: ${listWords(largest)}.`;
}

function selectionSentences({ ds, stats, state, chain }: DescribeViewInput): string[] {
  const name = (p: number) => displayName(ds.people, p);
  const out: string[] = [];
  if (state.chain) {
    const { a, b } = state.chain;
    if (chain === undefined) out.push(`The strongest chain from ${name(a)} to ${name(b)} is shown.`);
    else if (chain === null) out.push(`No chain of correspondents joins ${name(a)} and ${name(b)} in this view.`);
    else {
      const steps = chain.people.map(name).join(", then ");
      out.push(`Strongest chain from ${name(a)} to ${name(b)}: ${steps} (${plural(chain.links.length, "link")}).`);
    }
  } else if (state.connection) {
    out.push(`Open: the messages between ${name(state.connection.a)} and ${name(state.connection.b)}.`);
  }
  if (state.selected !== null) {
    const p = state.selected;
    const sent = stats.sent[p];
    const received = stats.received[p];
    const split = `${formatNumber(sent)} sent, ${formatNumber(received)} received`;
    out.push(`Selected: ${name(p)}, ${plural(sent + received, "message")} in this view (${split}).`);
  }
  if (state.community !== null) out.push(`Highlighted: the community of ${name(state.community)}.`);
  return out;
}

/** A few sentences describing what the network shows now. */
export function describeView(input: DescribeViewInput): string[] {
  return [
    periodSentence(input),
    shownSentence(input),
    peopleSentence(input),
    communitiesSentence(input),
    ...selectionSentences(input),
  ].filter((s): s is string => s !== null);
}
