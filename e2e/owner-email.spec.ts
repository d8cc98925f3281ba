import { ContactDetailPage } from "@/e2e/pages/contact-detail-page";
import { ContactFormPage } from "@/e2e/pages/contact-form-page";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { HostedUiPage } from "@/e2e/pages/hosted-ui-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { uniqueName } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";
import { createTestUser, deleteTestUser } from "@/e2e/support/stand-in";

// Users the seed never knew: only their own sign-in can have put them in the user directory.
for (const via of ["the sign-in form", "the Hosted UI"] as const) {
  test(`a user who signed in through ${via} is shown by email as the owner`, async ({ page, pageAs, track }) => {
    const user = await createTestUser({ group: "user" });
    try {
      const signIn = new SignInPage(page);
      await signIn.goto();
      if (via === "the sign-in form") {
        await signIn.signIn(user.email, user.password);
      } else {
        await signIn.startHostedUi();
        await new HostedUiPage(page).signIn(user.email, user.password);
      }
      await new ContactsPage(page).expectLoaded();
      const name = uniqueName("directory");
      const id = await new ContactFormPage(page).create({ name });
      track(id);
      await expect(new ContactDetailPage(page).detail("Owner")).toHaveText(`${user.email} (you)`);

      const adminDetail = new ContactDetailPage(await pageAs("admin"));
      await adminDetail.goto(id);
      await expect(adminDetail.heading(name)).toBeVisible();
      await expect(adminDetail.detail("Owner")).toHaveText(user.email);
    } finally {
      await deleteTestUser(user.email);
    }
  });
}
