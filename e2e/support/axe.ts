import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** What the suite refuses: axe's two worst impact levels (minor and moderate findings are reported, not failed). */
const BLOCKING = new Set(["serious", "critical"]);

/** Runs axe-core on the page as it is now; fails with each serious or critical violation and where it is. */
export async function expectNoSeriousA11yViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
    }));
  expect(blocking, `${what}: serious or critical axe violations`).toEqual([]);
}
