import type { SessionError } from "./schedule";

/** A scheduling refusal from the transaction, as the form's field errors: [field, i18n key]. */
export function sessionErrorFields(errors: readonly SessionError[]): [string, string][] {
  return errors.map((e) => {
    if (e.code === "endBeforeStart") return ["end", "programme.errors.endBeforeStart"];
    if (e.code === "outsideFestival") return ["start", "programme.errors.outsideFestival"];
    if (e.code === "overlap") return ["start", "programme.errors.overlap"];
    return ["start", "programme.errors.alreadyStarted"];
  });
}

/** Why a change to a session was refused, as one i18n key (the edit page shows it above the form). */
export function changeRefusalKey(refusal: "notFound" | "started" | "notEditable"): string {
  return `programme.errors.${refusal === "notFound" ? "sessionGone" : refusal === "started" ? "sessionStarted" : "sessionClosed"}`;
}
