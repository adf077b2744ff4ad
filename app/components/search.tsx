import { Form, Link, useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import type { Segment } from "~/modules/search/query";
import { CurrencyField } from "./currency";

interface Suggestion {
  kind: "product" | "store";
  name: string;
  href: string;
}

/**
 * The header search box: a plain GET form to /search (works without
 * JavaScript); with JavaScript, suggestions from /search/suggest as you type
 * (debounced). Arrow Down moves into the suggestions, Escape closes them.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const location = useLocation();
  const initial = /\/search$/.test(location.pathname) ? new URLSearchParams(location.search).get("q") ?? "" : "";
  const localize = useLocalizedPath();
  const id = useId();
  const fetcher = useFetcher<{ suggestions: Suggestion[] }>();
  const [value, setValue] = useState(initial);
  const [open, setOpen] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const { load } = fetcher;

  // A new query in the URL (navigation) replaces what was typed; set during render, not in an effect.
  const [urlQuery, setUrlQuery] = useState(initial);
  if (urlQuery !== initial) {
    setUrlQuery(initial);
    setValue(initial);
  }
  useEffect(() => {
    const q = value.trim();
    if (!q || !open) return;
    const timer = setTimeout(() => load(localize(`/search/suggest?q=${encodeURIComponent(q)}`)), 200);
    return () => clearTimeout(timer);
  }, [value, open, load, localize]);

  const suggestions = value.trim() && open ? fetcher.data?.suggestions ?? [] : [];
  const listId = `${id}-suggestions`;
  return (
    <Form method="get" action={localize("/search")} role="search" className="search-box" onSubmit={() => setOpen(false)}>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {t("catalog.search.label")}
      </label>
      <CurrencyField />
      <input
        ref={inputRef}
        id={`${id}-q`}
        type="search"
        name="q"
        value={value}
        placeholder={t("catalog.search.placeholder")}
        autoComplete="off"
        maxLength={100}
        aria-describedby={suggestions.length ? listId : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && suggestions.length) {
            e.preventDefault();
            listRef.current?.querySelector("a")?.focus();
          } else if (e.key === "Escape") setOpen(false);
        }}
      />
      <button type="submit" className="search-box__submit">
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.4">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <span className="visually-hidden">{t("catalog.search.submit")}</span>
      </button>
      {suggestions.length ? (
        <div className="search-box__suggestions" id={listId}>
          <p className="visually-hidden" aria-live="polite">
            {t("catalog.search.suggestions")}
          </p>
          <ul
            ref={listRef}
            aria-label={t("catalog.search.suggestions")}
            onKeyDown={(e) => {
              const links = [...(listRef.current?.querySelectorAll("a") ?? [])];
              const at = links.indexOf(document.activeElement as HTMLAnchorElement);
              if (e.key === "ArrowDown") {
                e.preventDefault();
                links[Math.min(at + 1, links.length - 1)]?.focus();
              } else if (e.key === "ArrowUp") {
                e.preventDefault();
                if (at <= 0) inputRef.current?.focus();
                else links[at - 1]?.focus();
              } else if (e.key === "Escape") {
                setOpen(false);
                inputRef.current?.focus();
              }
            }}
          >
            {suggestions.map((s) => (
              <li key={s.href}>
                <Link to={s.href} onClick={() => setOpen(false)} data-kind={s.kind}>
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Form>
  );
}

/** Text with the matched search terms in <mark>. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}
