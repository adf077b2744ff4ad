/** The demo accounts the seed creates; the README names the same ones. */
export const DEMO_PASSWORDS = {
  organiser: "Organiser-Demo-2026",
  owner: "Owner-Demo-2026",
} as const;

interface DemoAccount {
  email: string;
  name: string;
  role: "owner" | "organiser";
  lang: string;
  password: string;
  /** An owner gets the first stores of these countries, up to `stores`. */
  countries: string[];
  stores: number;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "organiser@silkroad.example", name: "Li Wei", role: "organiser", lang: "zh", password: DEMO_PASSWORDS.organiser, countries: [], stores: 0 },
  { email: "amina@silkroad.example", name: "Amina Njeri", role: "owner", lang: "sw", password: DEMO_PASSWORDS.owner, countries: ["KE", "TZ"], stores: 3 },
  { email: "kwame@silkroad.example", name: "Kwame Mensah", role: "owner", lang: "en", password: DEMO_PASSWORDS.owner, countries: ["GH", "NG"], stores: 2 },
  { email: "fatima@silkroad.example", name: "Fatima Benali", role: "owner", lang: "fr", password: DEMO_PASSWORDS.owner, countries: ["MA", "SN"], stores: 2 },
];
