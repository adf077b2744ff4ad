import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { isLang, DEFAULT_LANG } from "./modules/i18n/config";
import { i18nextOptions } from "./modules/i18n/i18next-options";
import { loadResource } from "./modules/i18n/resources";

/**
 * Resolves once the browser has painted the server's HTML: hydration is a
 * long task on a slow phone, and the page is already complete without it.
 * A hidden tab paints no frames, so there it resolves at once.
 */
function afterFirstPaint(): Promise<void> {
  if (document.visibilityState !== "visible") return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function hydrate() {
  const htmlLang = document.documentElement.dataset.lang;
  const lang = isLang(htmlLang) ? htmlLang : DEFAULT_LANG;
  // Only the page's language is downloaded; each is its own chunk.
  const [{ default: translation }] = await Promise.all([loadResource[lang](), afterFirstPaint()]);
  await i18next.use(initReactI18next).init(i18nextOptions(lang, translation));
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
