import { test as setup } from "@playwright/test";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { personaList, storageStatePath } from "@/e2e/support/personas";

// Each persona signs in once through the real direct sign-in form; specs reuse the saved cookies.
for (const persona of personaList) {
  setup(`sign in as ${persona.key}`, async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(persona.email, persona.password);
    await new ContactsPage(page).expectLoaded();
    await page.context().storageState({ path: storageStatePath(persona.key) });
  });
}
