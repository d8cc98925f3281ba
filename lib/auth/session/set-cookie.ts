/** The options `cookies().set(name, value, options)` takes that a Set-Cookie header can carry. */
export type CookieOptions = {
  path?: string;
  domain?: string;
  expires?: Date;
  maxAge?: number;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: "lax" | "strict" | "none";
};

export type ParsedSetCookie = { name: string; value: string; options: CookieOptions; removed: boolean };

/** Reads one Set-Cookie header (as next-auth writes them) into a name, a value and the options `cookies().set` takes. */
export function parseSetCookie(header: string): ParsedSetCookie {
  const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
  const separator = pair.indexOf("=");
  const name = pair.slice(0, separator);
  const value = pair.slice(separator + 1);
  const options: CookieOptions = {};
  for (const attribute of attributes) {
    const [key = "", ...rest] = attribute.split("=");
    const setting = rest.join("=");
    switch (key.toLowerCase()) {
      case "path":
        options.path = setting;
        break;
      case "domain":
        options.domain = setting;
        break;
      case "expires":
        options.expires = new Date(setting);
        break;
      case "max-age":
        options.maxAge = Number(setting);
        break;
      case "httponly":
        options.httpOnly = true;
        break;
      case "secure":
        options.secure = true;
        break;
      case "samesite":
        options.sameSite = setting.toLowerCase() as CookieOptions["sameSite"];
        break;
    }
  }
  const expired =
    options.maxAge !== undefined
      ? options.maxAge <= 0
      : options.expires !== undefined && options.expires.getTime() <= Date.now();
  return { name, value, options, removed: value === "" || expired };
}
