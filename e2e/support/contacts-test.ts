/**
 * `test` for the contact specs: API clients per persona, browser pages signed in as other personas, and clean-up
 * of every contact the test created (the admin may delete anything), so other specs' lists keep their shape.
 */
import { test as base, type Page } from "@playwright/test";
import { accessTokenOf, ContactsApi } from "@/e2e/support/contacts-api";
import { storageStatePath, type Persona } from "@/e2e/support/personas";

type ContactFixtures = {
  /** An API client signed in as the persona; contacts it creates are removed after the test. */
  apiAs: (key: Persona["key"]) => Promise<ContactsApi>;
  /** For contacts created through the pages: remove this one after the test too. */
  track: (id: string) => void;
  /** A page in a fresh context with the persona's saved session (from the setup project). */
  pageAs: (key: Persona["key"]) => Promise<Page>;
};

// The fixture callback is named `provide`, not `use`: the React lint rule takes `use(` for the React hook.
export const test = base.extend<ContactFixtures & { created: Set<string> }>({
  created: async ({ request }, provide) => {
    const created = new Set<string>();
    await provide(created);
    const admin = new ContactsApi(request, await accessTokenOf("admin"));
    for (const id of created) {
      const status = await admin.removeCurrent(id);
      // 404: the test deleted it itself. Anything else would leave rows behind for other specs' lists.
      if (status !== 204 && status !== 404) throw new Error(`clean-up of contact ${id} answered ${status}`);
    }
  },
  track: async ({ created }, provide) => {
    await provide((id) => created.add(id));
  },
  apiAs: async ({ request, created }, provide) => {
    await provide(async (key) => new ContactsApi(request, await accessTokenOf(key), (id) => created.add(id)));
  },
  pageAs: async ({ browser, baseURL }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async (key) => {
      const context = await browser.newContext({ baseURL, storageState: storageStatePath(key) });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

export { expect } from "@playwright/test";
