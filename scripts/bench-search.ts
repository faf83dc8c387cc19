// Search latency on a large cast (run by scripts/bench.ts): builds the people index for a corpus
// and times queries as a reporter types them: every prefix of a name, then the name with a typo.
import { readFileSync } from "node:fs";
import { buildPeopleIndex } from "../src/data/people-index";
import { seededRng } from "../src/graph/random";

export function benchSearch(file: string) {
  const people = (JSON.parse(readFileSync(file, "utf8")) as { people: { name: string[]; address: string[] } }).people;
  const t0 = performance.now();
  const index = buildPeopleIndex({ people: { count: people.name.length, name: people.name, address: people.address } });
  const buildMs = performance.now() - t0;
  const rand = seededRng(3);
  const times: number[] = [];
  for (let k = 0; k < 150; k++) {
    const name = people.name[Math.floor(rand() * people.name.length)] || "x";
    const typo = name.length > 4 ? name.slice(0, 2) + name[3] + name[2] + name.slice(4) : name;
    for (const q of [...Array.from({ length: name.length }, (_, i) => name.slice(0, i + 1)), typo]) {
      const t = performance.now();
      index.search(q, 8);
      times.push(performance.now() - t);
    }
  }
  return { people: people.name.length, buildMs, times };
}
