import { handleNextAuth } from "@/lib/auth/next-auth";

export const dynamic = "force-dynamic";

export { handleNextAuth as GET, handleNextAuth as POST };
