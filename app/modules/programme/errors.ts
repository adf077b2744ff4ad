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
