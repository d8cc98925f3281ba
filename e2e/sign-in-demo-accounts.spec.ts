import { expect, test } from "@playwright/test";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { personaList, personas } from "@/e2e/support/personas";

// The e2e stack runs the stand-in (COGNITO_MODE=local); that the list is absent against real Cognito is a unit test
// (lib/auth/sign-in/demo-users.test.ts): this suite has no real Cognito to try.
test("the local sign-in page lists the demo accounts with what each may do; picking one fills the form", async ({
  page,
}) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await expect(signIn.email).toBeFocused();
  for (const persona of personaList) await expect(signIn.demoAccount(persona.email)).toBeVisible();
  await expect(signIn.demoAccount(personas.admin.email)).toContainText("Admin: reads, edits and deletes every contact");
  await expect(signIn.demoAccount(personas.nora.email)).toContainText("no roles");

  await signIn.demoAccount(personas.bob.email).click();
  await expect(signIn.email).toHaveValue(personas.bob.email);
  await expect(signIn.password).toHaveValue(personas.bob.password);
  await signIn.submit.click();
  await expect(page.getByText(personas.bob.email).first()).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname !== "/sign-in");
});
