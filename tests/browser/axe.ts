// axe-core in a page: runs every rule on the whole document and fails with each violation's id,
// impact and the nodes it found, so a failure says what to fix.
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { screenshot } from "./harness";

const axeSource = (createRequire(import.meta.url)("axe-core") as { source: string }).source;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe on the whole document; the failure message lists each violation and its nodes. */
export async function expectNoViolations(page: Page, name: string): Promise<void> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    type Axe = { run(c: Document, o: object): Promise<{ violations: Violation[] }> };
    const result = await (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((n) => ({ target: n.target })),
    }));
  });
  await screenshot(page, `a11y-${name}`);
  const report = violations.map((v) =>
    [`${v.id} (${v.impact ?? "no impact"}): ${v.help}`, ...v.nodes.map((n) => `    ${n.target.join(" >> ")}`)].join(
      "\n",
    ),
  );
  expect(violations.length, `axe violations in "${name}":\n${report.join("\n")}`).toBe(0);
}
