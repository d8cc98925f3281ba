"use client";

// The root error page, rendered inside the audit layout so the header (and sign-out) stay on screen.
export { default } from "@/app/error";
