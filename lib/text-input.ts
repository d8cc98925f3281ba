import { z } from "zod";

/**
 * Control characters never belong in what a person types: PostgreSQL refuses U+0000 outright (a 500 and the
 * query's parameters in the log), and the others hide text or forge lines in logs and exports. Pure, shared by
 * the contact fields, the search box and the sign-in forms.
 */
// C0 controls and DEL; a <textarea> posts its line breaks as CR LF, so multi-line fields allow \t, \n and \r.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARACTER_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasControlCharacter(value: string, { multiline = false }: { multiline?: boolean } = {}): boolean {
  return (multiline ? CONTROL_CHARACTER_EXCEPT_LINE_BREAKS : CONTROL_CHARACTER).test(value);
}

/** A string schema that refuses control characters with a message naming the field. */
export function plainText(label: string, options: { multiline?: boolean } = {}) {
  return z.string().refine((value) => !hasControlCharacter(value, options), `${label} contains a control character.`);
}
