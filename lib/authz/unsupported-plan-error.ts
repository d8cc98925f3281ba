import { brandedError } from "@/lib/errors";

/** A query plan that cannot be turned into SQL faithfully: callers deny (the list is not shown), never widen it. */
export class UnsupportedPlanError extends brandedError("UnsupportedPlanError") {
  override name = "UnsupportedPlanError";
}
