import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "@/app/globals.css";
import { APP_NAME } from "@/lib/site";

export const metadata: Metadata = {
  // One scheme: "Alice Example · Contacts · Cognito + Cerbos", most specific first. Pages name themselves.
  title: { default: APP_NAME, template: `%s · ${APP_NAME}` },
  description: "Cognito sign-in and Cerbos per-record authorization in a Next.js app",
};

/** Every page renders per request: a prerendered page would carry no nonce, and the CSP would block its scripts. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <main className="mx-auto max-w-5xl px-4 py-10">{children}</main>
      </body>
    </html>
  );
}
