import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { AreaHead } from "~/components/area-head";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { useHydrated } from "~/components/cart";
import { CursorPagination, Select } from "~/components/filters";
import { TextareaField } from "~/components/owner";
import { useTranslation } from "react-i18next";
import { Price } from "~/components/catalog";
import { ErrorList } from "~/components/forms";
import { requestMeta, requireOrganiser } from "~/modules/auth/guards.server";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { decide, decideMany, listAllFestivals, REVIEW_STATUSES, reviewQueue, reviewStores, type ReviewFilter, type ReviewStatus } from "~/modules/festivals/admin.server";
import { bulkDecisionSchema, decisionSchema } from "~/modules/festivals/schemas";
import { localizePath } from "~/modules/i18n/config";
import { countryName, formatDateTime, formatMoney, formatNumber } from "~/modules/i18n/format";
import { festivalSubsidies } from "~/modules/festivals/funding.server";
import { BASE_CURRENCY } from "~/modules/money/money";
import { dealExposure, funderOf } from "~/modules/pricing/funding";
import { FundingChoice } from "~/components/funding-choice";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { formValues, readForm } from "~/modules/http/form.server";
import { notFound } from "~/modules/http/responses.server";
import { requestContext } from "~/modules/i18n/request.server";
import { formText } from "~/modules/http/form";
import { BidiText } from "~/components/value";
import { isolate } from "~/modules/i18n/isolate";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

/** Applications per page of the queue: enough to decide a screenful at once, short enough to read on a phone. */
const PAGE_SIZE = 50;
const COUNTRY = /^[A-Z]{2}$/;
const SLUG = /^[a-z0-9-]{1,80}$/;

/**
 * The queue's filters from the URL (a GET form, so a filtered queue can be
 * shared and works without JavaScript). An unknown festival is a 404, as a
 * festival's applications link promises one; any other value that is not
 * understood is left out, and the page says so.
 */
async function readFilters(url: URL, lang: ReturnType<typeof requestContext>["lang"]) {
  const q = url.searchParams;
  let understood = true;
  const festivals = await listAllFestivals(lang, now());
  const festivalSlug = q.get("festival") || "";
  const festival = festivalSlug ? festivals.find((f) => f.slug === festivalSlug) : undefined;
  const stores = await reviewStores(lang, festival?.id);
  const storeSlug = q.get("store") || "";
  const store = storeSlug && SLUG.test(storeSlug) ? stores.find((s) => s.slug === storeSlug) : undefined;
  if (storeSlug && !store) understood = false;
  const countryCode = (q.get("country") || "").toUpperCase();
  if (countryCode && !COUNTRY.test(countryCode)) understood = false;
  const rawStatus = q.get("status") || "pending";
  const status: ReviewStatus = (REVIEW_STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as ReviewStatus) : "pending";
  if (rawStatus !== status) understood = false;
  const rawPage = q.get("page") || "1";
  const page = /^\d{1,6}$/.test(rawPage) && Number(rawPage) >= 1 ? Number(rawPage) : 1;
  if (String(page) !== rawPage) understood = false;
  const filter: ReviewFilter = {
    status,
    festivalId: festival?.id,
    storeId: store?.id,
    countryCode: countryCode && COUNTRY.test(countryCode) ? countryCode : undefined,
  };
  return { festivals, festivalSlug, festival, stores, store, filter, page, understood };
}

/** The query string of the queue's current filters (page apart), for links and the redirect after a decision. */
function filterQuery(values: { festival?: string; store?: string; country?: string; status?: string }) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v && !(k === "status" && v === "pending")) q.set(k, v);
  return q;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { lang, t, currency } = requestContext(request);
  const view = await presenter(lang, currency);
  const url = new URL(request.url);
  const { festivals, festivalSlug, festival, stores, store, filter, page, understood } = await readFilters(url, lang);
  // Applications of one festival (the console links here per festival); an unknown festival is a 404, not an empty queue.
  if (festivalSlug && !festival) throw notFound(t);
  const done = url.searchParams.get("done");
  const count = Number(url.searchParams.get("count") ?? "1");
  const all = await reviewQueue(lang, filter);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const query = filterQuery({ festival: festival?.slug, store: store?.slug, country: filter.countryCode, status: filter.status });
  const pageLink = (n: number) => {
    const q = new URLSearchParams(query);
    if (n > 1) q.set("page", String(n));
    return `?${q}`;
  };
  const subsidies = festival ? await festivalSubsidies(festival.id) : null;
  const usd = (minor: number) => formatMoney(minor, BASE_CURRENCY, lang);
  const countries = [...new Set(stores.map((s) => s.countryCode))].map((code) => ({ value: code, label: countryName(code, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang));
  return {
    title: `${festival ? t("festivals.review.forFestival", { festival: festival.name }) : t("festivals.review.title")} · ${t("site.name")}`,
    heading: festival ? t("festivals.review.forFestival", { festival: festival.name }) : t("festivals.review.title"),
    filtered: Boolean(festival),
    festivalSlug: festival?.slug ?? "",
    done:
      done === "approved" || done === "rejected"
        ? Number.isInteger(count) && count > 1
          ? t(`festivals.review.doneMany.${done}`, { value: formatNumber(count, lang) })
          : t(`festivals.review.done.${done}`)
        : null,
    understood,
    values: { festival: festival?.slug ?? "", store: store?.slug ?? "", country: filter.countryCode ?? "", status: filter.status },
    options: {
      festivals: festivals.map((f) => ({ value: f.slug, label: f.name })),
      stores: stores.map((s) => ({ value: s.slug, label: `${s.name} · ${countryName(s.countryCode, lang)}` })),
      countries,
      statuses: REVIEW_STATUSES.map((v) => ({ value: v, label: t(`festivals.review.statusOption.${v}`) })),
    },
    anyFilter: query.toString() !== "",
    subsidies: subsidies
      ? t("festivals.funding.budgetLine", { budget: isolate(usd(subsidies.budget)), committed: isolate(usd(subsidies.committed)), left: isolate(usd(Math.max(0, subsidies.budget - subsidies.committed))) })
      : null,
    total: formatNumber(all.length, lang),
    paging:
      pages > 1
        ? {
            label: t("festivals.review.page", { page: formatNumber(current, lang), pages: formatNumber(pages, lang) }),
            previous: current > 1 ? pageLink(current - 1) : null,
            next: current < pages ? pageLink(current + 1) : null,
          }
        : null,
    items: all.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((r) => ({
      key: `${r.subject}-${r.id}`,
      subject: r.subject,
      id: r.id,
      status: r.status,
      statusLabel: t(`festivals.decision.${r.status}`),
      reason: r.reason,
      decided: r.decidedAt ? t("festivals.review.decided", { date: isolate(formatDateTime(r.decidedAt, lang, r.timeZone)), name: r.decidedByName ?? "—" }) : null,
      festival: r.festivalName,
      festivalSlug: r.festivalSlug,
      store: r.storeName,
      country: countryName(r.countryCode, lang),
      product: r.productName,
      enrolmentPending: r.subject === "deal" && r.status === "pending" && r.enrolmentStatus === "pending",
      dealPrice: r.dealPriceMinor !== null ? view.money(r.dealPriceMinor) : null,
      // Base currency, like the budget: the most each share could cost is discount × committed units × share.
      discount:
        r.dealPriceMinor !== null && r.regularPriceMinor !== null
          ? t("festivals.funding.discountLine", {
              discount: isolate(usd(Math.max(0, r.regularPriceMinor - r.dealPriceMinor))),
              most: isolate(usd(dealExposure({ organiserSharePct: 100, fundedDiscountMinor: Math.max(0, r.regularPriceMinor - r.dealPriceMinor) }, r.committedStock ?? 0))),
            })
          : null,
      funding: r.subject === "deal" && r.status === "approved" ? fundingLabel(t, r.organiserSharePct ?? 0) : null,
      regularPrice: r.regularPriceMinor !== null ? view.money(r.regularPriceMinor) : null,
      committed: r.committedStock !== null ? t("festivals.review.committed", { committed: formatNumber(r.committedStock, lang), stock: formatNumber(r.stock ?? 0, lang) }) : null,
      limit: r.perCustomerLimit ? t("festivals.deal.limit", { value: formatNumber(r.perCustomerLimit, lang) }) : null,
      flash:
        r.flashStartsAt && r.flashEndsAt
          ? t("festivals.deal.flash", { from: isolate(formatDateTime(r.flashStartsAt, lang, r.timeZone)), to: isolate(formatDateTime(r.flashEndsAt, lang, r.timeZone)) })
          : null,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const { lang, t } = requestContext(request);
  const formData = await readForm(request, t);
  const url = new URL(request.url);
  const actor = { userId: user.id, ip: requestMeta(request, context).ip, now: new Date(now()) };
  const back = (decision: string, count: number) => {
    const q = filterQuery({ festival: url.searchParams.get("festival") ?? "", store: url.searchParams.get("store") ?? "", country: url.searchParams.get("country") ?? "", status: url.searchParams.get("status") ?? "" });
    q.set("done", decision);
    if (count > 1) q.set("count", String(count));
    return redirect(`${localizePath("/organiser/review", lang)}?${q}`);
  };

  // Several applications at once: one decision, one reason, all or nothing.
  if (formData.get("intent") === "bulk") {
    const submission = parseWithZod(formData, { schema: bulkDecisionSchema });
    if (submission.status !== "success") return data({ bulk: submission.reply(), budgetDetail: null }, { status: 400 });
    const v = submission.value;
    const festival = v.festival ? (await listAllFestivals(lang, now())).find((f) => f.slug === v.festival) : undefined;
    if (v.festival && !festival) return data({ bulk: submission.reply({ formErrors: ["festivals.errors.otherFestival"] }), budgetDetail: null }, { status: 400 });
    const result = await decideMany(v.picks, v.decision, v.reason || null, actor, festival?.id, v.sharePct);
    if (!result.ok) {
      const message = `festivals.errors.${result.error === "alreadyDecided" ? "alreadyDecidedSome" : result.error}`;
      return data({ bulk: submission.reply({ formErrors: [message] }), budgetDetail: result.error === "overBudget" ? budgetDetail(t, lang, result) : null }, { status: result.error === "alreadyDecided" ? 409 : 400 });
    }
    return back(v.decision, result.decided);
  }

  const form = formValues(formData);
  const parsed = decisionSchema.safeParse(form);
  const key = `${formText(form.subject)}-${formText(form.id)}`;
  if (!parsed.success) {
    const messages = (share: boolean) => parsed.error.issues.filter((i) => (i.path[0] === "share") === share).map((i) => i.message).filter((m) => m.startsWith("festivals."));
    return data({ key, errors: messages(false), shareErrors: messages(true), budgetDetail: null, reason: formText(form.reason) }, { status: 400 });
  }
  const v = parsed.data;
  const result = await decide(v.subject, v.id, v.decision, v.reason || null, actor, v.sharePct);
  if (!result.ok && result.error === "overBudget") {
    return data({ key, errors: [], shareErrors: ["festivals.errors.overBudget"], budgetDetail: budgetDetail(t, lang, result), reason: v.reason ?? "" }, { status: 400 });
  }
  if (!result.ok) return data({ key, errors: ["festivals.errors.alreadyDecided"], shareErrors: [], budgetDetail: null, reason: v.reason ?? "" }, { status: 409 });
  return back(v.decision, 1);
}

/** The amounts behind a refusal past the festival's subsidy budget, shown under the refusal. */
function budgetDetail(t: ReturnType<typeof requestContext>["t"], lang: ReturnType<typeof requestContext>["lang"], r: { budget?: number; committed?: number }) {
  return t("festivals.funding.overBudgetDetail", { budget: isolate(formatMoney(r.budget ?? 0, BASE_CURRENCY, lang)), committed: isolate(formatMoney(r.committed ?? 0, BASE_CURRENCY, lang)) });
}

function fundingLabel(t: ReturnType<typeof requestContext>["t"], sharePct: number) {
  const funder = funderOf(sharePct);
  return funder === "shared" ? t("festivals.funding.recordedShared", { percent: sharePct }) : t(`festivals.funding.recorded.${funder}`);
}

const BULK_FORM = "bulk-review";

export default function ReviewQueue() {
  const d = useLoaderData<typeof loader>();
  const { items, done, heading, filtered } = d;
  const actionData = useActionData<typeof action>();
  const single = actionData && "key" in actionData ? actionData : undefined;
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const busy = useNavigation().state === "submitting";
  const hydrated = useHydrated();
  const list = useRef<HTMLUListElement>(null);
  const [bulk, fields] = useForm({
    id: BULK_FORM,
    lastResult: actionData && "bulk" in actionData ? actionData.bulk : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bulkDecisionSchema }),
  });
  const pending = items.filter((i) => i.status === "pending");
  return (
    <div className="container stack">
      {/* The last decision's notice would contradict a new error beside it, so an error replaces it. */}
      <AreaHead back={{ to: localize("/organiser"), label: t("festivals.organiser.title") }} title={heading} notice={actionData ? null : done}>
        <p>{t("festivals.review.intro")}</p>
        {filtered ? (
          <p>
            <Link to={localize("/organiser/review")}>{t("festivals.review.showAll")}</Link>
          </p>
        ) : null}
      </AreaHead>
      <Form method="get" className="review-filters" aria-label={t("festivals.review.filters")} data-review-filters="">
        <Select name="festival" label={t("festivals.review.festival")} value={d.values.festival} options={d.options.festivals} anyLabel={t("festivals.review.any")} />
        <Select name="store" label={t("festivals.review.store")} value={d.values.store} options={d.options.stores} anyLabel={t("festivals.review.any")} />
        <Select name="country" label={t("festivals.review.country")} value={d.values.country} options={d.options.countries} anyLabel={t("festivals.review.any")} />
        <Select name="status" label={t("festivals.review.status")} value={d.values.status} options={d.options.statuses} />
        <div className="review-filters__actions">
          <button type="submit" className="button">
            {t("festivals.review.apply")}
          </button>
          {d.anyFilter ? <Link to={localize("/organiser/review")}>{t("festivals.review.clear")}</Link> : null}
        </div>
      </Form>
      {d.understood ? null : (
        <p className="owner-note owner-note--warn" role="status">
          {t("festivals.review.badFilter")}
        </p>
      )}
      {items.length ? (
        <p className="muted" data-review-total="">
          <BidiText text={t("festivals.review.results", { value: d.total })} />
        </p>
      ) : null}
      {pending.length ? (
        <Form method="post" className="review-bulk" aria-labelledby="bulk-title" {...getFormProps(bulk)} data-review-bulk="">
          <h2 id="bulk-title">{t("festivals.review.bulkTitle")}</h2>
          <input type="hidden" name="intent" value="bulk" />
          {d.festivalSlug ? <input type="hidden" name="festival" value={d.festivalSlug} /> : null}
          {/* The decision is a button, not a field: a bad one is said at the top of the form. */}
          <ErrorList id={bulk.errorId} errors={[...(bulk.errors ?? []), ...(fields.decision.errors ?? [])]} />
          {hydrated ? (
            <label className="review-bulk__all">
              <input
                type="checkbox"
                onChange={(e) => {
                  for (const box of list.current?.querySelectorAll<HTMLInputElement>("input[data-pick]") ?? []) box.checked = e.currentTarget.checked;
                }}
              />{" "}
              {t("festivals.review.selectAll")}
            </label>
          ) : null}
          {d.subsidies ? <p className="muted" data-subsidy-budget=""><BidiText text={d.subsidies} /></p> : null}
          <FundingChoice idPrefix="bulk" errorId={fields.share.errorId} errors={fields.share.errors} detail={actionData && "bulk" in actionData ? actionData.budgetDetail : null} hint={t("festivals.funding.bulkHint")} />
          <TextareaField label={t("festivals.review.bulkReason")} field={fields.reason} rows={2} />
          <div className="button-row">
            <button type="submit" name="decision" value="approved" className="button" disabled={busy}>
              {t("festivals.review.approveSelected")}
            </button>
            <button type="submit" name="decision" value="rejected" className="button button--ghost" disabled={busy}>
              {t("festivals.review.rejectSelected")}
            </button>
          </div>
        </Form>
      ) : null}
      {items.length ? (
        <ul className="review-list" ref={list}>
          {items.map((item) => {
            const errors = single?.key === item.key ? single.errors : undefined;
            return (
              <li key={item.key} className={`review-item review-item--${item.status}`} data-review={item.key} data-status={item.status}>
                <p className="review-item__kind">
                  {item.status === "pending" ? (
                    // Tied to the bulk form by its id, so the list needs no form around it and works without JavaScript.
                    <input type="checkbox" className="review-item__pick" form={BULK_FORM} name={`pick_${item.key.replace("-", "_")}`} value="1" data-pick="" aria-label={`${t("festivals.review.select")}: ${item.store}${item.product ? ` · ${item.product}` : ""}`} />
                  ) : null}{" "}
                  <span className="state-pill">{t(`festivals.review.kind.${item.subject}`)}</span> {item.festival}
                </p>
                <h2>
                  {item.store} <small>· {item.country}</small>
                </h2>
                {item.product ? (
                  <p>
                    <strong>{item.product}</strong>: <Price value={item.dealPrice ?? ""} className="price price--deal" />{" "}
                    <s>
                      <Price value={item.regularPrice ?? ""} />
                    </s>{" "}
                    · <BidiText text={item.committed ?? ""} />
                    {item.limit ? (
                      <>
                        {" · "}
                        <BidiText text={item.limit} />
                      </>
                    ) : null}
                    {item.flash ? (
                      <>
                        {" · "}
                        <BidiText text={item.flash} />
                      </>
                    ) : null}
                  </p>
                ) : null}
                {item.discount ? (
                  <p className="muted">
                    <BidiText text={item.discount} />
                  </p>
                ) : null}
                {item.enrolmentPending ? <p className="muted">{t("festivals.review.enrolmentPending")}</p> : null}
                {item.status === "pending" ? (
                  <Form method="post" className="review-item__form">
                    <input type="hidden" name="subject" value={item.subject} />
                    <input type="hidden" name="id" value={item.id} />
                    {item.subject === "deal" ? <FundingChoice idPrefix={item.key} errorId={`share-${item.key}-error`} errors={single?.key === item.key ? single.shareErrors : undefined} detail={single?.key === item.key ? single.budgetDetail : null} /> : null}
                    <div className={`field${errors?.length ? " field--invalid" : ""}`}>
                      <label htmlFor={`reason-${item.key}`}>{t("festivals.review.reason")}</label>
                      <textarea
                        id={`reason-${item.key}`}
                        name="reason"
                        rows={2}
                        defaultValue={single?.key === item.key ? single.reason : ""}
                        aria-invalid={errors?.length ? true : undefined}
                        aria-describedby={errors?.length ? `reason-${item.key}-error` : undefined}
                      />
                      <ErrorList id={`reason-${item.key}-error`} errors={errors} />
                    </div>
                    <div className="button-row">
                      <button type="submit" name="decision" value="approved" className="button" disabled={busy}>
                        {t("festivals.review.approve")}
                      </button>
                      <button type="submit" name="decision" value="rejected" className="button button--ghost" disabled={busy}>
                        {t("festivals.review.reject")}
                      </button>
                    </div>
                  </Form>
                ) : (
                  <div className="review-item__decision">
                    <p>
                      <span className={`state-pill state-pill--${item.status}`}>{item.statusLabel}</span> {item.decided ? <BidiText text={item.decided} /> : null}
                    </p>
                    {item.funding ? <p data-funding="">{item.funding}</p> : null}
                    {item.reason ? <p className="owner-store__reason" data-reason="">{t("festivals.owner.reason", { reason: item.reason })}</p> : null}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted" data-review-empty="">
          {d.anyFilter ? t("festivals.review.noResults") : t("festivals.review.empty")}
        </p>
      )}
      {d.paging ? <CursorPagination prev={d.paging.previous} next={d.paging.next} first={null} status={d.paging.label} /> : null}
    </div>
  );
}
