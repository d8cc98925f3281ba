import { escapeHtml } from "@/cognito/http-util";
import { PAGE_STYLE } from "@/cognito/page-style";
import type { AuthorizeRequest } from "@/cognito/stand-in";

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<p class="brand">contacts-demo &middot; local Cognito</p>
${body}
</main>
</body>
</html>`;
}

function errorBox(message: string | undefined): string {
  return message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : "";
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

function authorizeFields(request: AuthorizeRequest): string {
  return [
    hidden("client_id", request.clientId),
    hidden("redirect_uri", request.redirectUri),
    hidden("response_type", "code"),
    hidden("code_challenge", request.codeChallenge),
    hidden("code_challenge_method", "S256"),
    hidden("scope", request.scope),
    hidden("state", request.state),
  ].join("\n");
}

export function loginPage(request: AuthorizeRequest, options: { error?: string; email?: string } = {}): string {
  return layout(
    "Sign in",
    `<h1>Sign in with your email and password</h1>
${errorBox(options.error)}
<form method="post" action="/login" novalidate>
${authorizeFields(request)}
<label for="username">Email</label>
<input id="username" name="username" type="email" autocomplete="username" required autofocus value="${escapeHtml(options.email ?? "")}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
<p class="note">Local stand-in for the Amazon Cognito Hosted UI. No AWS account involved.</p>`,
  );
}

export function newPasswordPage(pendingId: string, email: string, error?: string): string {
  return layout(
    "Set a new password",
    `<h1>Set a new password</h1>
<p>Welcome, ${escapeHtml(email)}. Your temporary password has to be replaced before you continue.</p>
${errorBox(error)}
<form method="post" action="/login/new-password" novalidate>
${hidden("pending", pendingId)}
<label for="new_password">New password</label>
<input id="new_password" name="new_password" type="password" autocomplete="new-password" required autofocus>
<label for="confirm_password">Confirm new password</label>
<input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password" required>
<button type="submit">Set password</button>
</form>
<p class="note">At least 8 characters, with upper- and lowercase letters, a number and a symbol.</p>`,
  );
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n${errorBox(message)}`);
}
