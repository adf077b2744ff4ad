import { Scripts } from "@remix-run/react";

const HELD_SCRIPTS_ID = "app-scripts";

/**
 * Runs where it stands, as the document is parsed. Remix's context (a
 * classic inline script with the loaders' data) goes into the document at
 * once: the single-fetch scripts later in the document write into it. The
 * module preloads and the module that imports the entry wait until the page
 * has painted (at once in a hidden tab, which paints nothing).
 * `createContextualFragment` makes scripts that run when inserted. All of
 * them go at the end of <body>, where React's hydration of the document
 * tolerates nodes it did not render.
 */
const INSERT_AFTER_PAINT = `(function(){var range=document.createRange();range.selectNode(document.body);var now=range.createContextualFragment(document.getElementById(${JSON.stringify(HELD_SCRIPTS_ID)}).textContent);var later=document.createDocumentFragment();now.querySelectorAll('link[rel="modulepreload"],script[type="module"]').forEach(function(node){later.appendChild(node);});document.body.appendChild(now);function insert(){document.body.appendChild(later);}if(document.visibilityState!=="visible")insert();else requestAnimationFrame(function(){setTimeout(insert,0);});})();`;

/**
 * Remix's scripts, asked for after the first paint instead of with the HTML.
 *
 * Every page is complete without JavaScript (forms post, links navigate), so
 * the text a shopper came for should not wait for 120 kB of scripts on a
 * slow phone. With the module preloads in the HTML, the browser downloads
 * them beside the stylesheet, and on slow 4G they delay the first paint
 * (docs/decisions/0034-scripts-after-the-first-paint.md).
 *
 * Held in a <noscript>: with scripting on, the browser keeps its content as
 * text (nothing is fetched or run) and React neither renders nor hydrates a
 * noscript's children, so server and browser agree on the document. With
 * scripting off, the content is inert markup.
 */
export function ScriptsAfterPaint({ nonce }: { nonce: string }) {
  return (
    <>
      <noscript id={HELD_SCRIPTS_ID}>
        <Scripts nonce={nonce} />
      </noscript>
      <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: INSERT_AFTER_PAINT }} />
    </>
  );
}
