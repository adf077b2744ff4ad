import { Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatDuration } from "~/modules/i18n/format";
import { dirOf } from "~/modules/i18n/config";
import { useLang, useLocalizedPath } from "~/modules/i18n/hooks";
import type { CountersView, FestivalBannerView, ShopperTrackerView } from "~/modules/festivals/present.server";
import { useBrowserValue } from "./use-browser-value";
import { BidiText, Value } from "./value";

/**
 * Counts down to `target`. The server's text shows until the browser takes
 * over; the browser measures against the server's clock (`serverNow`), so the
 * count stays right when the device's clock is off (or the test clock is set).
 */
export function Countdown({ target, initial, serverNow }: { target: number; initial: string; serverNow?: number }) {
  const lang = useLang();
  const [text, setText] = useState(initial);
  useEffect(() => {
    const skew = serverNow === undefined ? 0 : serverNow - Date.now();
    const tick = () => setText(formatDuration(target - (Date.now() + skew), lang));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [target, lang, serverNow]);
  // Isolated, in the page's direction: "5 ي 0 س 23 د" reads number-then-unit, days first, right to left.
  return (
    <bdi dir={dirOf(lang)}>
      <time className="countdown" dateTime={new Date(target).toISOString()} suppressHydrationWarning>
        {text}
      </time>
    </bdi>
  );
}

/** The viewer's own time zone, known only once JavaScript runs in the browser (null before, and without it). */
export function useViewerZone(): string | null {
  return useBrowserValue(() => Intl.DateTimeFormat().resolvedOptions().timeZone || null, null);
}

/**
 * The label for ViewerTime: "Your time" once the viewer's zone is known;
 * until then (and without JavaScript) the times read in UTC, and say so by
 * the zone's name in the page's language (`utcName`, from the server).
 */
export function ViewerZoneLabel({ utcName = "UTC" }: { utcName?: string }) {
  const { t } = useTranslation();
  const zone = useViewerZone();
  return <span suppressHydrationWarning>{zone ? t("festival.yourTime") : utcName}</span>;
}

/** An instant in the viewer's own zone; without JavaScript (no zone known) it reads in UTC, as the server wrote it (see ViewerZoneLabel). */
export function ViewerTime({ instant, utcText }: { instant: number; utcText: string }) {
  const lang = useLang();
  const zone = useViewerZone();
  return (
    <bdi>
      <time dateTime={new Date(instant).toISOString()} suppressHydrationWarning>
        {zone ? formatDateTime(instant, lang, zone) : utcText}
      </time>
    </bdi>
  );
}

/** A message of the live feed: the festival's counters and, on the festival page, each session's orders (by session id). */
export interface LivePayloadView {
  counters?: CountersView;
  sessions?: Record<string, string>;
}

/**
 * Counters that follow the server while the page is open: server-sent events
 * from /festivals/:slug/events, falling back to polling /festivals/:slug/counters
 * when EventSource is missing or the stream cannot be opened. The first
 * render (and a page without JavaScript) shows the server's numbers.
 */
export function useLiveCounters(slug: string, initial: CountersView, onPayload?: (payload: LivePayloadView) => void): CountersView {
  const [counters, setCounters] = useState(initial);
  // New numbers from the server (a revalidation) replace the live ones; set during render, not in an effect.
  const [serverCounters, setServerCounters] = useState(initial);
  if (serverCounters !== initial) {
    setServerCounters(initial);
    setCounters(initial);
  }
  useCounterStream(slug, setCounters, onPayload);
  return counters;
}

/**
 * Calls `onCounters` with each new set of counters the server sends for the
 * festival (the stream, or the polling fallback), until the page leaves.
 */
export function useCounterStream(slug: string, onCounters: (counters: CountersView) => void, onPayload?: (payload: LivePayloadView) => void) {
  const localize = useLocalizedPath();
  // The latest callbacks, so a new closure on every render does not reopen the stream.
  const callback = useRef(onCounters);
  const payloadCallback = useRef(onPayload);
  useEffect(() => {
    callback.current = onCounters;
    payloadCallback.current = onPayload;
  });
  useEffect(() => {
    let source: EventSource | null = null;
    let poll: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const apply = (payload: LivePayloadView) => {
      if (stopped || !payload.counters) return;
      callback.current(payload.counters);
      payloadCallback.current?.(payload);
    };
    const pollOnce = async () => {
      try {
        const res = await fetch(localize(`/festivals/${slug}/counters`), { headers: { Accept: "application/json" } });
        if (res.ok) apply((await res.json()) as LivePayloadView);
      } catch {
        /* offline for a moment: try again next tick */
      }
    };
    const startPolling = () => {
      if (poll || stopped) return;
      poll = setInterval(() => void pollOnce(), 5000);
    };
    if (typeof EventSource === "function") {
      source = new EventSource(localize(`/festivals/${slug}/events`));
      source.onmessage = (event) => {
        try {
          apply(JSON.parse(String(event.data)) as LivePayloadView);
        } catch {
          /* ignore a malformed message */
        }
      };
      // The browser reconnects by itself while the state is CONNECTING; CLOSED means it gave up.
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          source = null;
          startPolling();
        }
      };
    } else {
      startPolling();
    }
    return () => {
      stopped = true;
      source?.close();
      if (poll) clearInterval(poll);
    };
  }, [slug, localize]);
}

function Meter({ label, value, target, percent, fill, metric }: { label: string; value: string; target: string | null; percent: number | null; fill?: number; metric?: string }) {
  return (
    <div className="meter" data-metric={metric}>
      <dt>{label}</dt>
      <dd>
        <strong className="meter__value">
          <Value ltr>{value}</Value>
        </strong>
        {target ? (
          <span className="meter__target">
            <BidiText text={target} />
          </span>
        ) : null}
        {percent !== null ? (
          <span className="meter__bar" aria-hidden="true">
            <span style={{ inlineSize: `${Math.min(100, fill ?? percent)}%` }} />
          </span>
        ) : null}
      </dd>
    </div>
  );
}

/**
 * The festival's counters, live while the page is open. Shoppers see what has been sold so far;
 * the targets and how far along they are (`targets`) are for the organiser's pages only.
 */
export function LiveCounters({ slug, initial, targets = false, onPayload }: { slug: string; initial: CountersView; targets?: boolean; onPayload?: (payload: LivePayloadView) => void }) {
  return <CounterMeters slug={slug} counters={useLiveCounters(slug, initial, onPayload)} targets={targets} />;
}

/** The festival's counters as they are given (a page that refreshes them itself, such as the organiser's dashboard). */
export function CounterMeters({ slug, counters, targets = false }: { slug: string; counters: CountersView; targets?: boolean }) {
  return (
    <dl className="festival-banner__counters" data-counters={slug} aria-live="polite">
      {counters.map((c) => (
        <Meter key={c.metric} metric={c.metric} label={c.label} value={c.value} target={targets ? c.target : null} percent={targets ? c.percent : null} fill={c.fill} />
      ))}
    </dl>
  );
}

/** "Sale ends in 3h 12m", with that moment in the festival's zone and the viewer's, each labelled with what happens then. */
export function FestivalClock({ festival }: { festival: FestivalBannerView }) {
  if (!festival.nextBoundary) return null;
  return (
    <div className="festival-banner__clock">
      <p>
        <span>{festival.countdownLabel}</span> <Countdown target={festival.nextBoundary} initial={festival.countdownText} serverNow={festival.serverNow} />
      </p>
      {festival.encoreNote ? (
        <p className="festival-banner__encore">
          <small>
            <BidiText text={festival.encoreNote} />
          </small>
        </p>
      ) : null}
      <p className="festival-banner__when">
        <small>
          {festival.boundaryLabel}: <Value>{festival.boundaryLocal}</Value>
        </small>
        <br />
        <small>
          <ViewerZoneLabel utcName={festival.utcName} />: <ViewerTime instant={festival.nextBoundary} utcText={festival.boundaryUtc} />
        </small>
      </p>
    </div>
  );
}

/** The organiser's banner image, cropped to its box (object-fit) so any upload's shape fits. */
export function FestivalImage({ image, className, eager = false }: { image: NonNullable<FestivalBannerView["image"]>; className: string; eager?: boolean }) {
  return (
    <img
      className={className}
      src={image.url}
      srcSet={image.srcSet ?? undefined}
      sizes="(min-width: 72rem) 70rem, 100vw"
      width={image.width || undefined}
      height={image.height || undefined}
      alt={image.alt}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
    />
  );
}

/** The festival's banner; on the festival's own page (`link={false}`) its name is the page's h1, elsewhere an h2 within the page. */
/** `onLive`: every message of the festival's live feed (the festival page's programme takes its session counters from it, over the same stream). */
export function FestivalBanner({ festival, link = true, onLive }: { festival: FestivalBannerView; link?: boolean; onLive?: (payload: LivePayloadView) => void }) {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const Heading = link ? "h2" : "h1";
  return (
    <section className={`festival-banner festival-banner--${festival.state}`} aria-labelledby="festival-title">
      {festival.image ? <FestivalImage image={festival.image} className="festival-banner__image" eager={!link} /> : null}
      <div className="festival-banner__head">
        <p className="festival-banner__kicker">
          <span className={`state-pill state-pill--${festival.state}`}>{festival.stateLabel}</span> {t("festival.label")}
        </p>
        <Heading id="festival-title" className="festival-banner__title" lang={festival.fallback ? "en" : undefined}>
          {link ? <Link to={localize(`/festivals/${festival.slug}`)}>{festival.name}</Link> : festival.name}
        </Heading>
        <p className="festival-banner__pitch">{festival.pitch}</p>
        <FestivalClock festival={festival} />
        {festival.dealsLabel ? (
          link ? (
            <Link className="button" to={localize(`/festivals/${festival.slug}`)}>
              <BidiText text={festival.dealsLabel} />
            </Link>
          ) : (
            <a className="button" href="#deals">
              <BidiText text={festival.dealsLabel} />
            </a>
          )
        ) : null}
      </div>
      <LiveCounters slug={festival.slug} initial={festival.counters} onPayload={onLive} />
    </section>
  );
}

/** The campaign as shoppers see it: how many stores, products and countries take part (the goals are the organiser's). */
export function CampaignTrackerPanel({ tracker }: { tracker: ShopperTrackerView }) {
  const { t } = useTranslation();
  return (
    <section className="tracker" aria-labelledby="tracker-title">
      <h2 id="tracker-title">{t("tracker.shopperTitle")}</h2>
      <dl className="tracker__meters">
        <Meter metric="stores" label={t("tracker.storesTakingPart")} value={tracker.stores} target={null} percent={null} />
        <Meter metric="products" label={t("tracker.productsOnSale")} value={tracker.products} target={null} percent={null} />
        <Meter metric="countries" label={t("tracker.countries")} value={tracker.countries} target={null} percent={null} />
      </dl>
    </section>
  );
}
