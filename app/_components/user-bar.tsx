import { paths } from "@/lib/paths";

type UserBarProps = { email: string | undefined; username: string; roles: string[]; via: string };

/** Who is signed in, how, and the sign-out form (a plain POST: it works without JavaScript). */
export function UserBar({ email, username, roles, via }: UserBarProps) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <div className="text-sm">
        <p className="font-medium text-slate-900">{email ?? username}</p>
        <p className="text-slate-500">
          Roles: {roles.join(", ")} · signed in with {via === "hosted-ui" ? "the Hosted UI" : "email and password"}
        </p>
      </div>
      <div className="flex items-center gap-3">
        <a href={paths.sessions} className="text-sm font-medium text-indigo-700 hover:underline">
          Your sessions
        </a>
        <form action={paths.signOut} method="post">
          <button
            type="submit"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          >
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
