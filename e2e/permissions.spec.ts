import { expect, test } from "@playwright/test";
import { paths } from "@/lib/paths";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { personaList, storageStatePath } from "@/e2e/support/personas";

// Anything shaped like a JWT (header.payload.signature, base64url of a JSON object).
const JWT_PATTERN = /eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]+/;

for (const persona of personaList) {
  test.describe(`${persona.key}'s saved session`, () => {
    test.use({ storageState: storageStatePath(persona.key) });

    test("sees the contacts table the policy allows", async ({ page }) => {
      const contacts = new ContactsPage(page);
      await contacts.goto();
      await contacts.expectPermissionsOf(persona);
    });

    test("the inspector shows verified claims and the Cerbos exchange, never a raw token", async ({ page }) => {
      const contacts = new ContactsPage(page);
      const response = await page.goto(paths.contacts);
      await contacts.expectLoaded();
      await contacts.openInspector();
      const claims = await contacts.claims();
      expect(claims).toMatchObject({ token_use: "access" });
      for (const claim of ["jti", "exp", "sub"]) expect(claims, `claim ${claim}`).toHaveProperty(claim);
      if (persona.role !== "none") expect(claims["cognito:groups"]).toEqual(expect.any(Array));
      await expect(contacts.cerbosRequest).not.toBeEmpty();
      await expect(contacts.cerbosResponse).not.toBeEmpty();

      expect(await response?.text()).not.toMatch(JWT_PATTERN);
      expect(await page.content()).not.toMatch(JWT_PATTERN);
      // Session cookies must be out of reach of page scripts.
      for (const cookie of await page.context().cookies()) {
        expect(cookie.httpOnly, `cookie ${cookie.name} is httpOnly`).toBe(true);
      }
    });
  });
}
