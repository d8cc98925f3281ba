import { createHash } from "node:crypto";

/** The one stylesheet of the stand-in's pages, inline so each page is a single response. */
export const PAGE_STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f2f3f3;
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #16191f; }
  main { width: min(420px, 92vw); background: #fff; border-radius: 8px; padding: 32px;
    box-shadow: 0 1px 4px rgba(0, 0, 0, .15); }
  .brand { font-size: 13px; letter-spacing: .04em; text-transform: uppercase; color: #545b64; margin: 0 0 8px; }
  h1 { font-size: 22px; margin: 0 0 20px; }
  label { display: block; font-weight: 600; font-size: 14px; margin: 14px 0 6px; }
  input[type=email], input[type=password] { width: 100%; padding: 10px 12px; font-size: 15px;
    border: 1px solid #aab7b8; border-radius: 4px; }
  input:focus { outline: 2px solid #0073bb; border-color: #0073bb; }
  button { width: 100%; margin-top: 22px; padding: 11px; font-size: 15px; font-weight: 600; color: #fff;
    background: #b84c00; border: 0; border-radius: 4px; cursor: pointer; }
  button:hover { background: #9a3f00; }
  .error { background: #fdf3f1; border: 1px solid #d13212; color: #d13212; border-radius: 4px; padding: 10px 12px; font-size: 14px; }
  .note { color: #545b64; font-size: 13px; margin-top: 18px; }
`;

/** CSP source admitting exactly this stylesheet: no 'unsafe-inline', so no injected style or script is applied. */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash("sha256").update(PAGE_STYLE).digest("base64")}'`;
