"use client";

// The root error page, rendered inside the sessions layout so the header (and sign-out) stay on screen.
export { default } from "@/app/error";
