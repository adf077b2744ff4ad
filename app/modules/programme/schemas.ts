/**
 * The session form (organiser's schedule, a store's proposal): one schema,
 * used by the browser for instant feedback and by the action for the real
 * check. Times are typed as local date-times in the festival's zone. Messages
 * are i18n keys under "programme.errors.". Overlaps with other sessions need
 * the database and are checked again in the scheduling transaction.
 */
import { z } from "zod";
import { LANGS, type Lang } from "../i18n/config";
import { normaliseText } from "../text/normalise";
import { fromLocalInput, toLocalInput, type Phase } from "../festivals/clock";
import { SESSION_CHANNELS, SESSION_KINDS, type SessionChannel, type SessionKind } from "./kinds";
import { sessionErrorFields } from "./errors";
import { validateSession, type SessionWindow } from "./schedule";

const E = (key: string) => `programme.errors.${key}`;
const str = (v: unknown, shape: "line" | "paragraphs" = "line") => (typeof v === "string" ? normaliseText(v, shape) : "");

export interface SessionInput {
  kind: SessionKind;
  channel: SessionChannel;
  /** A store of the festival (its id), or null with a speaker's name. */
  hostStoreId: number | null;
  speakerName: string | null;
  startsAt: number;
  endsAt: number;
  watchUrl: string;
  texts: Record<Lang, { title: string; summary: string }>;
  productIds: number[];
}

export interface SessionFormContext {
  timeZone: string;
  phases: readonly Phase[];
  /** The festival's products a session may feature (approved deals), by id. */
  productIds: readonly number[];
  /** The stores that may host (the festival's approved stores), by id; a store's proposal passes only its own. */
  storeIds: readonly number[];
  /** Whether a named speaker may host (the organiser's form; a store hosts its own proposal). */
  speakerAllowed: boolean;
  /** The festival's other approved sessions, for the overlap check in the browser too. */
  others?: readonly SessionWindow[];
  now?: number;
}

/** An https address with a host, and nothing a browser would treat as a script. */
export function isWatchUrl(value: string): boolean {
  if (value.length > 500) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && Boolean(url.hostname) && !url.username && !url.password;
  } catch {
    return false;
  }
}

export function sessionSchema(context: SessionFormContext) {
  const text = z.string().optional();
  const shape: Record<string, z.ZodTypeAny> = { kind: text, channel: text, host: text, hostStore: text, speakerName: text, start: text, end: text, watchUrl: text };
  for (const lang of LANGS) {
    shape[`title_${lang}`] = text;
    shape[`summary_${lang}`] = text;
  }
  for (const id of context.productIds) shape[`product_${id}`] = text;
  return z
    .object(shape)
    .superRefine((v, ctx) => {
      const issue = (path: string, key: string) => ctx.addIssue({ code: "custom", path: [path], message: E(key) });
      if (!(SESSION_KINDS as readonly string[]).includes(str(v.kind))) issue("kind", "kindRequired");
      const channel = str(v.channel);
      if (!(SESSION_CHANNELS as readonly string[]).includes(channel)) issue("channel", "channelRequired");
      const host = context.speakerAllowed ? str(v.host) : "store";
      if (host === "speaker") {
        const name = str(v.speakerName);
        if (name.length < 2) issue("speakerName", "speakerRequired");
        else if (name.length > 120) issue("speakerName", "speakerTooLong");
      } else if (host === "store") {
        if (!context.storeIds.includes(Number(str(v.hostStore)))) issue("hostStore", "storeRequired");
      } else issue("host", "hostRequired");
      const url = str(v.watchUrl);
      if (!url) issue("watchUrl", "urlRequired");
      else if (!isWatchUrl(url)) issue("watchUrl", "urlInvalid");
      for (const lang of LANGS) {
        const title = str(v[`title_${lang}`]);
        const summary = str(v[`summary_${lang}`], "paragraphs");
        if (!title) issue(`title_${lang}`, "titleRequired");
        else if (title.length > 140) issue(`title_${lang}`, "titleTooLong");
        if (!summary) issue(`summary_${lang}`, "summaryRequired");
        else if (summary.length > 800) issue(`summary_${lang}`, "summaryTooLong");
      }
      const times: Record<"start" | "end", number | null> = { start: null, end: null };
      for (const edge of ["start", "end"] as const) {
        const value = str(v[edge]);
        if (!value) {
          issue(edge, "timeRequired");
          continue;
        }
        const r = fromLocalInput(value, context.timeZone);
        if (r.ok) times[edge] = r.instant;
        else issue(edge, r.error === "nonexistent" ? "timeSkipped" : "timeInvalid");
      }
      if (times.start === null || times.end === null || !(SESSION_CHANNELS as readonly string[]).includes(channel)) return;
      const errors = validateSession({ channel: channel as SessionChannel, startsAt: times.start, endsAt: times.end }, context.phases, context.others ?? [], context.now ?? -Infinity);
      for (const [path, message] of sessionErrorFields(errors)) ctx.addIssue({ code: "custom", path: [path], message });
    })
    .transform((v): SessionInput => {
      const host = context.speakerAllowed ? str(v.host) : "store";
      const start = fromLocalInput(str(v.start), context.timeZone);
      const end = fromLocalInput(str(v.end), context.timeZone);
      return {
        kind: str(v.kind) as SessionKind,
        channel: str(v.channel) as SessionChannel,
        hostStoreId: host === "store" ? Number(str(v.hostStore)) : null,
        speakerName: host === "speaker" ? str(v.speakerName) : null,
        startsAt: start.ok ? start.instant : 0,
        endsAt: end.ok ? end.instant : 0,
        watchUrl: new URL(str(v.watchUrl)).toString(),
        texts: Object.fromEntries(LANGS.map((l) => [l, { title: str(v[`title_${l}`]), summary: str(v[`summary_${l}`], "paragraphs") }])) as SessionInput["texts"],
        productIds: context.productIds.filter((id) => v[`product_${id}`]),
      };
    });
}

/** The organiser's decision on a store's proposed session. */
export const sessionDecisionSchema = z
  .object({
    intent: z.literal("decide"),
    session: z.string().regex(/^\d{1,9}$/).transform(Number),
    decision: z.enum(["approved", "rejected"], { errorMap: () => ({ message: E("decisionRequired") }) }),
    reason: z.string().max(500, E("reasonTooLong")).optional(),
  })
  .transform((v) => ({ ...v, reason: v.reason ? normaliseText(v.reason, "paragraphs") : "" }))
  .refine((v) => v.decision === "approved" || v.reason.length >= 3, { path: ["reason"], message: E("reasonRequired") });

/** The organiser cancels a session: a reason is kept and shown to the store that hosts it. */
export const sessionCancelSchema = z
  .object({
    intent: z.literal("cancel"),
    reason: z.string().max(500, E("reasonTooLong")).optional(),
  })
  .transform((v) => ({ ...v, reason: v.reason ? normaliseText(v.reason, "paragraphs") : "" }))
  .refine((v) => v.reason.length >= 3, { path: ["reason"], message: E("cancelReasonRequired") });

/** A stored session as the session form's values (times in the festival's zone), for editing it. */
export function sessionFormValues(
  session: Omit<SessionInput, "texts"> & { texts: readonly { lang: string; title: string; summary: string }[] },
  timeZone: string,
): Record<string, string> {
  const values: Record<string, string> = {
    kind: session.kind,
    channel: session.channel,
    host: session.hostStoreId === null ? "speaker" : "store",
    hostStore: session.hostStoreId === null ? "" : String(session.hostStoreId),
    speakerName: session.speakerName ?? "",
    start: toLocalInput(session.startsAt, timeZone),
    end: toLocalInput(session.endsAt, timeZone),
    watchUrl: session.watchUrl,
  };
  for (const text of session.texts) {
    values[`title_${text.lang}`] = text.title;
    values[`summary_${text.lang}`] = text.summary;
  }
  for (const id of session.productIds) values[`product_${id}`] = "on";
  return values;
}
