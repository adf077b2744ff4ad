/** A stored festival as the form's default values (local date-times in its zone). */
import { LANGS } from "../i18n/config";
import { toLocalInput, type Phase } from "./clock";

export function festivalFormValues(f: {
  slug: string;
  timeZone: string;
  targets: { orders: number; units: number; gmv: number };
  subsidyBudget: number;
  names: Record<string, { name: string; pitch: string }>;
  phases: Phase[];
}): Record<string, string> {
  const values: Record<string, string> = {
    slug: f.slug,
    timeZone: f.timeZone,
    targetOrders: String(f.targets.orders),
    targetUnits: String(f.targets.units),
    targetGmv: (f.targets.gmv / 100).toFixed(2).replace(/\.00$/, ""),
    subsidyBudget: (f.subsidyBudget / 100).toFixed(2).replace(/\.00$/, ""),
  };
  for (const lang of LANGS) {
    values[`name_${lang}`] = f.names[lang]?.name ?? "";
    values[`pitch_${lang}`] = f.names[lang]?.pitch ?? "";
  }
  for (const p of f.phases) {
    values[`${p.kind}_start`] = toLocalInput(p.startsAt, f.timeZone);
    values[`${p.kind}_end`] = toLocalInput(p.endsAt, f.timeZone);
  }
  return values;
}
