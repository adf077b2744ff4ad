import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { addBackOfficeStrings } from "./modules/i18n/back-office-strings";
import { isBackOfficePath, isLang, DEFAULT_LANG } from "./modules/i18n/config";
import { i18nextOptions } from "./modules/i18n/i18next-options";
import { loadBackOfficeResource, loadResource } from "./modules/i18n/resources";

/**
 * Resolves once the browser has painted the server's HTML: hydration is a
 * long task on a slow phone, and the page is already complete without it.
 * A hidden tab paints no frames, so there it resolves at once.
 */
function afterFirstPaint(): Promise<void> {
  if (document.visibilityState !== "visible") return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The events on which React 18 hydrates at once, synchronously, when they
 * reach a page it has not finished hydrating (react-dom's
 * `discreteReplayableEvents`).
 */
const EVENTS_THAT_FORCE_HYDRATION = ["mousedown", "mouseup", "touchcancel", "touchend", "touchstart", "auxclick", "dblclick", "pointercancel", "pointerdown", "pointerup", "dragend", "dragstart", "drop", "compositionend", "compositionstart", "keydown", "keypress", "keyup", "input", "textInput", "copy", "cut", "paste", "click", "change", "contextmenu", "reset", "submit"];

/**
 * Until React has hydrated the page, those events stop at the window and the
 * page answers them as it does without JavaScript: links navigate, forms
 * submit, fields take text (React keeps what was typed when it hydrates).
 *
 * Why: Remix's browser entry suspends on its first render while it decodes
 * the loaders' data (single fetch), and React 18 cannot finish a suspended
 * render synchronously; a tap or a key press in that window threw React
 * error 345 and left the page unanswering (remix-run/remix#10214). Resolves
 * the hold once root.tsx marks the document hydrated.
 */
function holdEventsUntilHydrated(): void {
  const stop = (event: Event) => event.stopImmediatePropagation();
  const options = { capture: true, passive: true } as const;
  for (const type of EVENTS_THAT_FORCE_HYDRATION) window.addEventListener(type, stop, options);
  const observer = new MutationObserver(() => {
    if (document.documentElement.dataset.hydrated === undefined) return;
    observer.disconnect();
    for (const type of EVENTS_THAT_FORCE_HYDRATION) window.removeEventListener(type, stop, options);
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-hydrated"] });
}

async function hydrate() {
  holdEventsUntilHydrated();
  const htmlLang = document.documentElement.dataset.lang;
  const lang = isLang(htmlLang) ? htmlLang : DEFAULT_LANG;
  // Only the page's language is downloaded; each is its own chunk, and the back office's strings another.
  const backOffice = isBackOfficePath(window.location.pathname);
  if (backOffice) void loadBackOfficeResource[lang](); // the download starts now, beside the page's strings
  const [{ default: translation }] = await Promise.all([loadResource[lang](), afterFirstPaint()]);
  await i18next.use(initReactI18next).init(i18nextOptions(lang, translation));
  if (backOffice) await addBackOfficeStrings(lang);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
