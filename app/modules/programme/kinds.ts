/** The kinds of festival session and the channels they run on, defined once (db/schema.ts imports them). */
export const SESSION_KINDS = ["livestream", "lecture"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/**
 * Where a session is shown: two sessions on one channel may not overlap
 * (a livestream studio, a lecture hall hold one at a time), sessions on
 * different channels may.
 */
export const SESSION_CHANNELS = ["main-stage", "studio", "lecture-hall"] as const;
export type SessionChannel = (typeof SESSION_CHANNELS)[number];

/**
 * A session is scheduled by the organiser (approved at once) or proposed by a
 * store (pending until decided); the organiser may cancel one before it starts.
 */
export const SESSION_STATUSES = ["pending", "approved", "rejected", "cancelled"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
