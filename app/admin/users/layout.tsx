// Every page under here is for a signed-in user; each page still authenticates and authorizes itself.
export { SignedInLayout as default } from "@/app/_components/signed-in-header";
