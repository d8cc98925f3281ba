import type { Locator } from "@playwright/test";

/**
 * Waits until React has hydrated the form. Before that a click is a plain HTML post and a hidden field changed by
 * a test could be reset by hydration, so the test would not exercise the server action the way a browser does.
 */
export async function waitForHydration(form: Locator): Promise<void> {
  await form.evaluate(async (element) => {
    const hydrated = () => Object.keys(element).some((key) => key.startsWith("__reactFiber"));
    while (!hydrated()) await new Promise((resolve) => setTimeout(resolve, 50));
  });
}

/**
 * What an attacker does with devtools: point the form's hidden `id` and `version` at someone else's contact.
 * The server action receives them like any other field, so only its own checks can refuse the post.
 */
export async function forgeHiddenTarget(form: Locator, target: { id: string; version: number }): Promise<void> {
  await waitForHydration(form);
  await form.evaluate((element, { id, version }) => {
    const field = (name: string) => {
      const input = element.querySelector<HTMLInputElement>(`input[type="hidden"][name="${name}"]`);
      if (!input) throw new Error(`the form has no hidden "${name}" field`);
      return input;
    };
    field("id").value = id;
    field("version").value = String(version);
  }, target);
}
