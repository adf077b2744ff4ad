import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { isLang, DEFAULT_LANG } from "./modules/i18n/config";
import { i18nextOptions } from "./modules/i18n/i18next-options";
import { loadResource } from "./modules/i18n/resources";

async function hydrate() {
  const htmlLang = document.documentElement.dataset.lang;
  const lang = isLang(htmlLang) ? htmlLang : DEFAULT_LANG;
  // Only the page's language is downloaded; each is its own chunk. No need to wait for a paint here:
  // this module is only asked for once the server's HTML has been painted (components/scripts-after-paint.tsx).
  const { default: translation } = await loadResource[lang]();
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
