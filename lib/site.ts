/** The app's name, as the header, every page title and the 503 page show it. */
export const APP_NAME = "Cognito + Cerbos";

/** "Alice Example · Contacts · Cognito + Cerbos": the title scheme, for the page that cannot use Next's metadata. */
export function pageTitle(...parts: string[]): string {
  return [...parts, APP_NAME].join(" · ");
}
