/**
 * The festival programme on shopper pages: session cards (on now, next), the
 * full schedule, and the sessions on a product's page. Everything is in the
 * server's HTML (it works without JavaScript); the browser then shows times
 * in the viewer's zone, runs the countdowns and follows the order counters.
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AddToCartForm } from "~/components/cart";
import { Price } from "~/components/catalog";
import { Countdown, ViewerTime, ViewerZoneLabel } from "~/components/festival";
import { BidiText, Value } from "~/components/value";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import type { SessionView } from "~/modules/programme/present.server";

/** A session's times in the festival's zone and, given the UTC zone's name, in the viewer's (the browser swaps it in). */
function SessionTimes({ session, utcName }: { session: SessionView; utcName?: string }) {
  return (
    <p className="session-card__times">
      <small>
        {session.festivalTimeLabel}: <BidiText text={session.local} />
      </small>
      {utcName ? (
        <>
          <br />
          <small>
            <ViewerZoneLabel utcName={utcName} />: <ViewerTime instant={session.startsAt} utcText={session.utcStart} /> – <ViewerTime instant={session.endsAt} utcText={session.utcEnd} />
          </small>
        </>
      ) : null}
    </p>
  );
}

/**
 * One session in a list: the public schedule, the organiser's programme and a
 * store's proposals. A pill (its state for shoppers, its review status for
 * the organiser and the store), the title, kind · channel · host, its times,
 * the organiser's reason if any, then whatever the page adds (links, forms).
 * `marker` names the data attribute that carries its id on that page.
 */
export function SessionListItem({
  session,
  pill,
  marker,
  utcName,
  reason,
  children,
}: {
  session: SessionView;
  pill: { tone: string; label: string };
  marker: "schedule-session" | "admin-session" | "own-proposal" | "proposal";
  utcName?: string;
  reason?: string | null;
  children?: ReactNode;
}) {
  return (
    <li className={`session-schedule__item session-schedule__item--${session.state}`} {...{ [`data-${marker}`]: session.id }}>
      <span className={`state-pill state-pill--${pill.tone}`}>{pill.label}</span>{" "}
      <strong lang={session.fallback ? "en" : undefined}>
        <BidiText text={session.title} />
      </strong>
      <br />
      <small>
        {session.kindLabel} · {session.channelLabel} · <BidiText text={session.host} />
      </small>
      <SessionTimes session={session} utcName={utcName} />
      {reason ? (
        <p className="session-schedule__reason">
          <small>
            <BidiText text={reason} />
          </small>
        </p>
      ) : null}
      {children}
    </li>
  );
}

/** The pill a shopper sees: the session's state by the clock. */
const statePill = (s: SessionView) => ({ tone: s.state === "onNow" ? "live" : s.state === "ended" ? "ended" : "upcoming", label: s.stateLabel });

export function SessionCard({ session, serverNow, utcName, orders, withProducts = true }: { session: SessionView; serverNow: number; utcName: string; orders?: string | null; withProducts?: boolean }) {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <article className={`session-card session-card--${session.state}`} data-session={session.id} aria-labelledby={`session-${session.id}-title`}>
      <p className="session-card__kicker">
        <span className={`state-pill state-pill--${statePill(session).tone}`}>{session.stateLabel}</span> {session.kindLabel} · {session.channelLabel}
      </p>
      <h3 id={`session-${session.id}-title`} lang={session.fallback ? "en" : undefined}>
        <BidiText text={session.title} />
      </h3>
      <p className="session-card__host">
        {session.hostStoreSlug ? (
          <Link to={localize(`/stores/${session.hostStoreSlug}`)}>
            <BidiText text={session.host} />
          </Link>
        ) : (
          <BidiText text={session.host} />
        )}
      </p>
      <SessionTimes session={session} utcName={utcName} />
      {session.countdown ? (
        <p className="session-card__countdown">
          {session.countdown.label} <Countdown target={session.countdown.at} initial={session.countdown.text} serverNow={serverNow} />
        </p>
      ) : null}
      <p className="session-card__summary" lang={session.fallback ? "en" : undefined}>
        <BidiText text={session.summary} />
      </p>
      <p className="button-row">
        {session.state !== "ended" ? (
          <a className="button" href={session.watchUrl} rel="noopener noreferrer" target="_blank">
            {t("programme.watch")}
          </a>
        ) : null}
        <a className="button button--ghost" href={localize(session.icsPath)} download>
          {t("programme.addToCalendar")}
        </a>
      </p>
      {orders !== undefined && orders !== null ? (
        <p className="session-card__orders">
          {t("programme.orders")}:{" "}
          <strong data-session-orders={session.id} aria-live="polite">
            <Value ltr>{orders}</Value>
          </strong>
        </p>
      ) : null}
      {withProducts && session.products.length ? (
        <div className="session-card__products">
          <h4>{t("programme.featured")}</h4>
          <ul>
            {session.products.map((p) => (
              <li key={p.slug} className="session-product" data-session-product={p.slug}>
                {p.image ? <img src={p.image.url} width={p.image.width} height={p.image.height} alt="" loading="lazy" decoding="async" className="session-product__image" /> : null}
                <div>
                  <Link to={localize(`/products/${p.slug}`)} lang={p.fallback ? "en" : undefined}>
                    <BidiText text={p.name} />
                  </Link>{" "}
                  <Price value={p.price} className="price" />
                  <AddToCartForm slug={p.slug} soldOut={p.soldOut} />
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
}

export interface ProgrammeView {
  onNow: SessionView[];
  next: SessionView[];
  all: SessionView[];
  icsPath: string;
}

/** The festival page's programme: on now, next, then every session in order. */
export function ProgrammeSection({ programme, serverNow, utcName, orders }: { programme: ProgrammeView; serverNow: number; utcName: string; orders: Record<string, string> }) {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const cards = (list: SessionView[]) => (
    <div className="session-grid">
      {list.map((s) => (
        <SessionCard key={s.id} session={s} serverNow={serverNow} utcName={utcName} orders={orders[String(s.id)] ?? s.orders} />
      ))}
    </div>
  );
  return (
    <section aria-labelledby="programme-title" id="programme" className="programme stack">
      <div className="deal-list__head">
        <h2 id="programme-title">{t("programme.title")}</h2>
        {programme.all.length ? (
          <a href={localize(programme.icsPath)} download>
            {t("programme.addAllToCalendar")}
          </a>
        ) : null}
      </div>
      <p className="muted">{t("programme.intro")}</p>
      {programme.all.length ? (
        <>
          <section aria-labelledby="on-now-title" data-programme="on-now">
            <h3 id="on-now-title">{t("programme.onNow")}</h3>
            {programme.onNow.length ? cards(programme.onNow) : <p className="muted">{t("programme.nothingNow")}</p>}
          </section>
          <section aria-labelledby="next-title" data-programme="next">
            <h3 id="next-title">{t("programme.next")}</h3>
            {programme.next.length ? cards(programme.next) : <p className="muted">{t("programme.noneNext")}</p>}
          </section>
          <section aria-labelledby="schedule-title" data-programme="schedule">
            <h3 id="schedule-title">{t("programme.schedule")}</h3>
            <ol className="session-schedule">
              {programme.all.map((s) => (
                <SessionListItem key={s.id} session={s} pill={statePill(s)} marker="schedule-session" utcName={utcName}>
                  <a href={localize(s.icsPath)} download>
                    {t("programme.addToCalendar")}
                  </a>
                </SessionListItem>
              ))}
            </ol>
          </section>
        </>
      ) : (
        <p className="muted">{t("programme.none")}</p>
      )}
    </section>
  );
}

/** A product page's festival sessions that feature it (and have not ended): the session, not its products again. */
export function ProductSessions({ sessions, serverNow, utcName }: { sessions: SessionView[]; serverNow: number; utcName: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="product-sessions-title" className="product-sessions stack" data-product-sessions="">
      <h2 id="product-sessions-title">{t("programme.productSessions")}</h2>
      <div className="session-grid">
        {sessions.map((s) => (
          <SessionCard key={s.id} session={s} serverNow={serverNow} utcName={utcName} withProducts={false} />
        ))}
      </div>
    </section>
  );
}
