"use client";

// The root error page, rendered inside the console layout so the header (and sign-out) stay on screen.
export { default } from "@/app/error";
