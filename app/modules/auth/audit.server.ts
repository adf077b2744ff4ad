import { schema, type Tx } from "~/db.server";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_out"
  | "auth.sign_up"
  | "auth.password_changed"
  | "auth.rate_limited"
  | (string & {});

/** One row per security-relevant event; `detail` is small JSON, never a password. */
export async function audit(
  tx: Tx,
  entry: {
  action: AuditAction;
  userId?: number | null;
  subjectType?: string;
  subjectId?: string | number;
  detail?: Record<string, unknown>;
  ip?: string | null;
  now?: Date;
  },
): Promise<void> {
  await tx
    .insert(schema.auditLog)
    .values({
      action: entry.action,
      userId: entry.userId ?? null,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId === undefined ? null : String(entry.subjectId),
      detail: entry.detail ?? null,
      ip: entry.ip ?? null,
      createdAt: entry.now ?? new Date(),
    });
}
