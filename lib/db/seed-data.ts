/**
 * The demo's contacts: fictional people, reserved domains (RFC 2606) and 555 numbers, so nothing here
 * reaches a real person. Each names the demo user who owns it; a few are private, to show what others may not see.
 */
export type SampleContact = {
  ownerEmail: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  notes: string | null;
  isPrivate: boolean;
};

function contact(
  ownerEmail: string,
  fields: Omit<SampleContact, "ownerEmail" | "isPrivate">,
  isPrivate = false,
): SampleContact {
  return { ownerEmail, ...fields, isPrivate };
}

const ALICE = "alice@example.com";
const BOB = "bob@example.com";
const ADMIN = "admin@example.com";
const NORA = "nora@example.com";

export const sampleContacts: readonly SampleContact[] = [
  contact(ALICE, {
    name: "Amara Okafor",
    email: "amara.okafor@lumen-health.example",
    phone: "+1 415 555 0142",
    company: "Lumen Health",
    notes: "Met at the Q3 partner summit; interested in the analytics add-on.",
  }),
  contact(ALICE, {
    name: "Mateo Fernández",
    email: "mateo@fernandez-arquitectos.example",
    phone: "+34 912 555 018",
    company: "Fernández Arquitectos",
    notes: "Prefers calls after 4pm CET.",
  }),
  contact(ALICE, {
    name: "Priya Raman",
    email: "priya.raman@northwind.example",
    phone: "+1 212 555 0187",
    company: "Northwind Traders",
    notes: "Renewal due in March. Decision maker for the EMEA rollout.",
  }),
  contact(
    ALICE,
    {
      name: "Dr. Helena Novak",
      email: "h.novak@clinic-vltava.example",
      phone: "+420 2 555 0119",
      company: null,
      notes: "Personal physician. Do not share.",
    },
    true,
  ),
  contact(ALICE, {
    name: "Kenji Watanabe",
    email: "kenji.w@sakura-robotics.example",
    phone: null,
    company: "Sakura Robotics",
    notes: null,
  }),
  contact(
    ALICE,
    {
      name: "Sophie Laurent",
      email: "sophie.laurent@example.org",
      phone: "+33 1 55 50 01 23",
      company: null,
      notes: "Sister-in-law; birthday 14 May.",
    },
    true,
  ),
  contact(BOB, {
    name: "Oluwaseun Adeyemi",
    email: "seun@brightpath.example",
    phone: "+234 1 555 0160",
    company: "BrightPath Logistics",
    notes: "Wants a pilot for 20 seats before committing.",
  }),
  contact(BOB, {
    name: "Ingrid Johansson",
    email: "ingrid.johansson@fjordline.example",
    phone: "+47 22 55 50 12",
    company: "Fjordline Shipping",
    notes: "Procurement contact. Needs quotes in NOK.",
  }),
  contact(BOB, {
    name: "Carlos Mendoza",
    email: "carlos.mendoza@example.net",
    phone: "+52 55 5550 1034",
    company: "Mendoza & Hijos",
    notes: null,
  }),
  contact(
    BOB,
    {
      name: "Fatima Al-Sayed",
      email: "fatima.alsayed@oasis-capital.example",
      phone: "+971 4 555 0177",
      company: "Oasis Capital",
      notes: "Salary negotiation notes — confidential.",
    },
    true,
  ),
  contact(BOB, {
    name: "Liam O'Connor",
    email: "liam.oconnor@greenleaf.example",
    phone: "+353 1 555 0102",
    company: "Greenleaf Energy",
    notes: "Introduced by Priya Raman.",
  }),
  contact(ADMIN, {
    name: "Grace Kim",
    email: "grace.kim@it-services.example",
    phone: "+1 206 555 0133",
    company: "Acme IT Services",
    notes: "Escalation contact for the SSO outage runbook.",
  }),
  contact(
    ADMIN,
    {
      name: "Rafael Costa",
      email: "rafael.costa@auditoria.example",
      phone: "+55 11 5550 0190",
      company: "Auditoria Costa",
      notes: "External auditor. Access reviews every quarter.",
    },
    true,
  ),
  contact(ADMIN, {
    name: "Zoë Müller",
    email: "zoe.mueller@example.com",
    phone: null,
    company: "Müller Design Studio",
    notes: "Designed the new sign-in page.",
  }),
  contact(NORA, {
    name: "Tomasz Wiśniewski",
    email: "tomasz.w@vistula-soft.example",
    phone: "+48 22 555 0148",
    company: "Vistula Software",
    notes: null,
  }),
  contact(
    NORA,
    {
      name: "Aroha Ngata",
      email: "aroha.ngata@example.org",
      phone: "+64 9 555 0156",
      company: null,
      notes: "Old university friend; visiting in November.",
    },
    true,
  ),
];
