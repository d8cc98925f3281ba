// cognito-local loads aws-sdk v2, which prints an end-of-support notice on every start unless told not to before it
// is first required; import this module ahead of any cognito-local import.
import { quietAwsSdkNotices } from "@/lib/env";

quietAwsSdkNotices();
