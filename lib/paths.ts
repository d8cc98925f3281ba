/** Every path the app links to, shared by pages, handlers, the proxy and the end-to-end tests. */
export const paths = {
  home: "/",
  signIn: "/sign-in",
  newPassword: "/sign-in/new-password",
  signOut: "/auth/sign-out",
  refresh: "/auth/refresh",
  sessions: "/sessions",
  unavailable: "/unavailable",
  contacts: "/contacts",
  newContact: "/contacts/new",
  contactDetail: (id: string) => `/contacts/${encodeURIComponent(id)}`,
  editContact: (id: string) => `/contacts/${encodeURIComponent(id)}/edit`,
  deleteContact: (id: string) => `/contacts/${encodeURIComponent(id)}/delete`,
  apiContacts: "/api/contacts",
  apiHealth: "/api/health",
  nextAuthCallback: "/api/auth/callback/cognito",
} as const;
