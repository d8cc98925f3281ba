import { ForbiddenNotice } from "@/app/_components/forbidden-notice";

export default function EditForbidden() {
  return (
    <ForbiddenNotice title="You may not edit this contact">
      Your roles do not allow changing it. Its page shows what you may do with it, and why.
    </ForbiddenNotice>
  );
}
