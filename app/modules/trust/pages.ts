/**
 * The trust pages (contact, shipping, returns, privacy): one text per page
 * and language, in Markdown (`##` headings, lists, links), kept here rather
 * than in JSX so a translator edits prose, not components. Placeholders in
 * `{{…}}` are filled by trust.server.ts: `{{email}}` the contact address,
 * `{{lookup}}`, `{{contact}}`, `{{shipping}}`, `{{returns}}`, `{{privacy}}`,
 * `{{stores}}` the page's links in the reader's language.
 */
export const TRUST_PAGES = ["contact", "shipping", "returns", "privacy"] as const;
export type TrustPage = (typeof TRUST_PAGES)[number];

export interface TrustText {
  title: string;
  /** The meta description, one sentence. */
  description: string;
  body: string;
}

export type TrustTexts = Record<TrustPage, TrustText>;
