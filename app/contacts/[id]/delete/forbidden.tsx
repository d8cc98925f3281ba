import { ForbiddenNotice } from "@/app/_components/forbidden-notice";

export default function DeleteForbidden() {
  return (
    <ForbiddenNotice title="You may not delete this contact">
      Your roles do not allow deleting it. Its page shows what you may do with it, and why.
    </ForbiddenNotice>
  );
}
