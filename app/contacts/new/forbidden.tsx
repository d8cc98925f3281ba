import { ForbiddenNotice } from "@/app/_components/forbidden-notice";

export default function CreateForbidden() {
  return (
    <ForbiddenNotice title="You may not create contacts">
      None of your roles allows creating contacts. An administrator can add you to a group that does.
    </ForbiddenNotice>
  );
}
