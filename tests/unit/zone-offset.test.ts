// zoneOffset (time/zone.ts) remembers offsets per quarter hour: it must give exactly what the zone's
// own formatter gives, at every instant, across DST changes in zones of whole-hour, half-hour,
// quarter-hour and half-hour-DST offsets, and across a historical offset of odd seconds.
import { describe, expect, it } from "vitest";
import { seededRng } from "../../src/graph/random";
import { measuredOffset, zoneOffset } from "../../src/time/zone";

const ZONES = ["Europe/London", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe", "Europe/Amsterdam"];

describe("zoneOffset", () => {
  it("matches the zone's formatter at random instants and around each change of offset", () => {
    const random = seededRng(5);
    for (const zone of ZONES) {
      // 1930–2030 (Amsterdam's +0:19:32 ended in 1937), and a minute either side of each change.
      const from = Date.UTC(1930, 0, 1);
      const span = Date.UTC(2030, 0, 1) - from;
      const instants = Array.from({ length: 3000 }, () => from + Math.floor(random() * span));
      for (let t = Date.UTC(2015, 0, 1); t < Date.UTC(2017, 0, 1); t += 3_600_000) {
        if (measuredOffset(t, zone) !== measuredOffset(t + 3_600_000, zone))
          for (let k = -60; k <= 3660; k += 30) instants.push(t + k * 1000);
      }
      for (const t of instants)
        expect(zoneOffset(t, zone), `${zone} at ${new Date(t).toISOString()}`).toBe(measuredOffset(t, zone));
    }
  });
});
