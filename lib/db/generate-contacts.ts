import type { NewContactRow } from "@/lib/db/schema";

/** A Cognito user who may own contacts. */
export type SeedOwner = { email: string; sub: string };

/** Returns numbers in [0, 1), like Math.random, but repeatable. */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough to shuffle test data; the same seed always gives the same contacts. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Owners no demo user is: their contacts must stay invisible to everyone but an admin. */
export const SYNTHETIC_OWNERS: readonly string[] = [
  "00000000-0000-4000-8000-000000000001",
  "00000000-0000-4000-8000-000000000002",
  "00000000-0000-4000-8000-000000000003",
];

export const PRIVATE_SHARE = 0.3;

const FIRST_NAMES = [
  "Ada",
  "Bilal",
  "Chen",
  "Dalia",
  "Emeka",
  "Freya",
  "Gustavo",
  "Hana",
  "Ivan",
  "Jamila",
  "Kofi",
  "Leila",
  "Marta",
  "Nikhil",
  "Olga",
  "Pedro",
  "Qing",
  "Rosa",
  "Sven",
  "Tariq",
  "Uma",
  "Viktor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zanele",
];
const LAST_NAMES = [
  "Abara",
  "Bjørnsen",
  "Castillo",
  "Dubois",
  "Eriksen",
  "Fofana",
  "García",
  "Horvat",
  "Ivanova",
  "Jensen",
  "Kowalski",
  "Lindqvist",
  "Moreau",
  "Nakamura",
  "Osei",
  "Petrović",
  "Quispe",
  "Rossi",
  "Schmidt",
  "Tanaka",
  "Üzüm",
  "Vargas",
  "Wójcik",
  "Yilmaz",
  "Zhang",
];
const COMPANIES = [
  "Blue Harbor Labs",
  "Cedar & Stone",
  "Delta Freight",
  "Evergreen Clinics",
  "Foxglove Media",
  "Granite Insurance",
  "Helios Solar",
  "Ironbridge Bank",
  "Juniper Schools",
  "Kestrel Aviation",
];
const NOTES = [
  "Follow up next week.",
  "Prefers email over phone.",
  "Met at the trade fair.",
  "Interested in the enterprise plan.",
  "Send the updated contract.",
  "Call back about the invoice.",
];

function pick<T>(items: readonly T[], random: Random): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick() from an empty list");
  return item;
}

function maybe<T>(share: number, random: Random, value: () => T): T | null {
  return random() < share ? value() : null;
}

function asciiSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ø/g, "o")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
}

function generateContact(index: number, ownerSubs: readonly string[], random: Random): NewContactRow {
  const first = pick(FIRST_NAMES, random);
  const last = pick(LAST_NAMES, random);
  const company = maybe(0.75, random, () => pick(COMPANIES, random));
  const domain = company ? `${asciiSlug(company)}.example` : "example.com";
  return {
    owner: pick(ownerSubs, random),
    name: `${first} ${last}`,
    email: maybe(0.9, random, () => `${asciiSlug(first)}.${asciiSlug(last)}${index}@${domain}`),
    phone: maybe(0.8, random, () => `+1 555 01${String(Math.floor(random() * 100)).padStart(2, "0")}`),
    company,
    notes: maybe(0.4, random, () => pick(NOTES, random)),
    isPrivate: random() < PRIVATE_SHARE,
  };
}

/** `n` random contacts owned by `owners` and SYNTHETIC_OWNERS (pure: the same `random` sequence, the same rows). */
export function generateContacts(n: number, owners: readonly SeedOwner[], random: Random): NewContactRow[] {
  const ownerSubs = [...owners.map((owner) => owner.sub), ...SYNTHETIC_OWNERS];
  return Array.from({ length: n }, (_, index) => generateContact(index + 1, ownerSubs, random));
}
