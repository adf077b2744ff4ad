import { Scripts } from "@remix-run/react";
import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

/** The id of the held module script (below), which the loader script finds. */
const HELD_ID = "modules-after-paint";

/**
 * Asks for the page's scripts (Remix's module preloads, then its module
 * script) once the browser has reported the first contentful paint, not
 * merely after a frame: paint timing is the moment the frame was presented,
 * which comes after the frame's tasks (a `requestAnimationFrame` and a task
 * still ran 30 ms before it in headless Chromium). A hidden tab paints
 * nothing, so there (or once the tab is hidden) they load at once; a browser
 * without paint timing waits for a frame. The same text on every page, so a
 * shared page's CSP hash of it never changes; the module script it adds
 * carries the held one's text (allowed by the same hash) and nonce (private
 * pages).
 */
const LOAD_AFTER_PAINT = `(() => {
  const held = document.getElementById(${JSON.stringify(HELD_ID)});
  let loaded = false;
  const load = () => {
    if (loaded || !held) return;
    loaded = true;
    for (const href of (held.dataset.modulepreload || "").split(" ").filter(Boolean)) {
      const link = document.createElement("link");
      link.rel = "modulepreload";
      link.href = href;
      document.head.append(link);
    }
    const script = document.createElement("script");
    script.type = "module";
    script.nonce = held.nonce;
    script.textContent = held.textContent;
    document.body.append(script);
  };
  if (document.visibilityState !== "visible") return load();
  document.addEventListener("visibilitychange", load, { once: true });
  if (!(window.PerformanceObserver && PerformanceObserver.supportedEntryTypes && PerformanceObserver.supportedEntryTypes.includes("paint"))) {
    return requestAnimationFrame(() => setTimeout(load, 0));
  }
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName("first-contentful-paint").length === 0) return;
    observer.disconnect();
    load();
  }).observe({ type: "paint", buffered: true });
})();`;

type Props = { nonce?: string };
type AnyElement = ReactElement<Record<string, unknown>>;

/**
 * Remix's `<Scripts>`, with the page's own scripts asked for after the first
 * paint instead of while the HTML is parsed.
 *
 * The server's HTML is the whole page, and hydration already waits for the
 * first paint. But the scripts (about 110 kB, most of it the `shell` chunk)
 * were requested as soon as the parser met their `<link rel="modulepreload">`
 * tags, so on a slow phone they shared the bandwidth with the stylesheet and
 * the main image, and Lighthouse's simulation counted every script that
 * arrived before the first paint as something the paint waited for
 * (decision 0029). Here the module preloads become a list on a held
 * `<script type="text/x-module-after-paint">` that the browser does not run,
 * and a small inline script turns that list and text into the real
 * `<link rel="modulepreload">` tags and `<script type="module">` once a frame
 * has been painted (at once in a hidden tab, which paints none).
 *
 * The inline `window.__remixContext` script still runs during parsing: the
 * streamed hydration data (`streamController.enqueue`) that follows it needs
 * it. Server and browser render the same elements, so hydration sees no
 * difference; the added tags sit at the end of `<head>` and `<body>`, where
 * React leaves unknown nodes alone. Without JavaScript nothing changes: the
 * page never ran scripts.
 */
export function ScriptsAfterPaint(props: Props) {
  // Called, not rendered: its elements are rewritten below. Its hooks are this component's, in the same order on every render.
  const rendered = Scripts(props) as ReactNode;
  if (!rendered) return null;
  const preloads: string[] = [];
  collectPreloads(rendered, preloads);
  return (
    <>
      {holdModules(rendered, preloads.join(" "))}
      <script nonce={props.nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: LOAD_AFTER_PAINT }} />
    </>
  );
}

const isModulePreload = (element: AnyElement) => element.type === "link" && element.props.rel === "modulepreload";

function collectPreloads(node: ReactNode, into: string[]): void {
  Children.forEach(node, (child) => {
    if (!isValidElement(child)) return;
    const element = child as AnyElement;
    if (isModulePreload(element)) into.push(String(element.props.href));
    else collectPreloads(element.props.children as ReactNode, into);
  });
}

/** The same elements without the module preloads, and with the module script held (not run) carrying their list. */
function holdModules(node: ReactNode, preloads: string): ReactNode {
  return Children.map(node, (child) => {
    if (!isValidElement(child)) return child;
    const element = child as AnyElement;
    if (isModulePreload(element)) return null;
    if (element.type === "script" && element.props.type === "module") {
      return cloneElement(element, {
        type: "text/x-module-after-paint",
        id: HELD_ID,
        async: undefined,
        "data-modulepreload": preloads,
      });
    }
    const children = element.props.children as ReactNode;
    return children === undefined ? element : cloneElement(element, {}, holdModules(children, preloads));
  });
}
