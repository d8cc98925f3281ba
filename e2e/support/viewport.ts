import { expect, type Locator, type Page } from "@playwright/test";

/** An iPhone-sized viewport (CSS pixels) and the desktop one the rest of the suite uses. */
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

/** The document itself does not scroll sideways (a box inside it may, on purpose). */
export async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${what}: the page is no wider than the screen`).toBeLessThanOrEqual(clientWidth);
}

/** The element lies horizontally inside the viewport (vertically it may need scrolling, like any long page). */
export async function expectWithinViewportWidth(element: Locator, what: string): Promise<void> {
  const box = await element.boundingBox();
  const width = element.page().viewportSize()?.width ?? 0;
  expect(box, `${what} is rendered`).not.toBeNull();
  expect(box!.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends on screen`).toBeLessThanOrEqual(width);
}
