import type { Metadata } from "next";
import { NotFoundMessage } from "@/app/_components/not-found-message";

export const metadata: Metadata = { title: "Not found" };

/** Someone Cerbos does not let use the admin console: the same 404 as an unknown address, under the header. */
export default function AdminUsersNotFound() {
  return <NotFoundMessage />;
}
