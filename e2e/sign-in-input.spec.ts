import { expect, test } from "@playwright/test";
import { paths } from "@/lib/paths";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { waitForHydration } from "@/e2e/support/forms";
import { personas } from "@/e2e/support/personas";

test("a control character in the password is a field error; the sign-in is not attempted", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await waitForHydration(page.locator("form").filter({ has: signIn.password }));
  await signIn.email.fill(personas.alice.email);
  // Typed keys cannot produce a NUL; a script or a forged post can.
  await signIn.password.evaluate(
    (element, value) => ((element as HTMLInputElement).value = value),
    `${personas.alice.password}\u0000`,
  );
  await signIn.submit.click();
  await expect(page.locator("#password-errors")).toHaveText("Password contains a control character.");
  await expect(page).toHaveURL((url) => url.pathname === paths.signIn);
});
