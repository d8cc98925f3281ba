import type { Metadata } from "next";
import { NotFoundMessage } from "@/app/_components/not-found-message";
import { SignedInHeader } from "@/app/_components/signed-in-header";

export const metadata: Metadata = { title: "Not found" };

/** An unknown address: outside the signed-in layouts, so the header comes here (it renders nothing signed out). */
export default function NotFound() {
  return (
    <>
      <SignedInHeader />
      <NotFoundMessage />
    </>
  );
}
