import { ForbiddenNotice } from "@/app/_components/forbidden-notice";

export default function Forbidden() {
  return <ForbiddenNotice title="Not allowed">Your roles do not allow this.</ForbiddenNotice>;
}
