/**
 * Owner-written descriptions: a small, safe subset of Markdown rendered to
 * HTML on the server.
 *
 * Two well-kept libraries, each doing the job it is built for:
 * - `markdown-it` with `html: false`: raw HTML in the input is *escaped*, not
 *   dropped, so hostile markup shows as the text it is and no plain text is
 *   lost; its link validator already refuses `javascript:`, `vbscript:`,
 *   `file:` and most `data:` URLs. Only a subset of rules is enabled.
 * - `sanitize-html` (htmlparser2, no DOM needed) as a second, allow-list
 *   pass over markdown-it's output: only the tags and attributes below
 *   survive, links only to http(s)/mailto, so a future markdown-it option
 *   or bug cannot open a hole on its own.
 */
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const md = new MarkdownIt("zero", { html: false, linkify: false, breaks: true, typographer: false });
// The subset: paragraphs, line breaks, emphasis, lists, quotes, inline code, links.
md.enable(["paragraph", "newline", "emphasis", "list", "blockquote", "backticks", "link", "escape", "entity"]);

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "code", "a"],
  allowedAttributes: { a: ["href"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow ugc noopener noreferrer" }),
  },
};
// `rel` is added by the transform, after filtering; allow it so it stays.
(ALLOWED.allowedAttributes as Record<string, string[]>).a.push("rel");

export const DESCRIPTION_MAX = 5000;

/** Markdown source → sanitised HTML, safe to insert into the page. */
export function renderMarkdown(source: string): string {
  const html = md.render(source.slice(0, DESCRIPTION_MAX * 2));
  return sanitizeHtml(html, ALLOWED);
}

/**
 * The site's own pages (contact, shipping, returns, privacy): text we write,
 * so headings are allowed and links stay plain (internal links must not be
 * marked nofollow). Raw HTML is still escaped.
 */
const siteMd = new MarkdownIt("zero", { html: false, linkify: false, breaks: false, typographer: false });
siteMd.enable(["heading", "paragraph", "emphasis", "list", "link", "escape", "entity"]);

export function renderSiteMarkdown(source: string): string {
  return siteMd.render(source);
}
