import type { Metadata } from "next";
import { NotFoundMessage } from "@/app/_components/not-found-message";

export const metadata: Metadata = { title: "Not found" };

/** A missing contact or one the user may not read: inside the contacts layout, so under its header. */
export default function ContactNotFound() {
  return <NotFoundMessage />;
}
