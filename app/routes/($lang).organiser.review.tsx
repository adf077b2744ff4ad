import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { AreaHead } from "~/components/area-head";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Price } from "~/components/catalog";
import { ErrorList } from "~/components/forms";
import { requestMeta, requireOrganiser } from "~/modules/auth/guards.server";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { decide, listAllFestivals, reviewQueue } from "~/modules/festivals/admin.server";
import { decisionSchema } from "~/modules/festivals/schemas";
import { localizePath } from "~/modules/i18n/config";
import { countryName, formatDateTime, formatNumber } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { formValues, readForm } from "~/modules/http/form.server";
import { notFound } from "~/modules/http/responses.server";
import { requestContext } from "~/modules/i18n/request.server";
import { formText } from "~/modules/http/form";
import { BidiText } from "~/components/value";
import { isolate } from "~/modules/i18n/isolate";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { lang, t, currency } = requestContext(request);
  const view = presenter(lang, currency);
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  const slug = url.searchParams.get("festival");
  // Applications of one festival (the console links here per festival); an unknown festival is a 404, not an empty queue.
  const festival = slug ? listAllFestivals(lang, now()).find((f) => f.slug === slug) : undefined;
  if (slug && !festival) throw notFound(t);
  return {
    title: `${festival ? t("festivals.review.forFestival", { festival: festival.name }) : t("festivals.review.title")} · ${t("site.name")}`,
    heading: festival ? t("festivals.review.forFestival", { festival: festival.name }) : t("festivals.review.title"),
    filtered: Boolean(festival),
    done: done === "approved" || done === "rejected" ? t(`festivals.review.done.${done}`) : null,
    items: reviewQueue(lang, festival?.id).map((r) => ({
      key: `${r.subject}-${r.id}`,
      subject: r.subject,
      id: r.id,
      festival: r.festivalName,
      festivalSlug: r.festivalSlug,
      store: r.storeName,
      country: countryName(r.countryCode, lang),
      product: r.productName,
      enrolmentPending: r.subject === "deal" && r.enrolmentStatus === "pending",
      dealPrice: r.dealPriceMinor !== null ? view.money(r.dealPriceMinor) : null,
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
  const form = formValues(await readForm(request, t));
  const parsed = decisionSchema.safeParse(form);
  const key = `${formText(form.subject)}-${formText(form.id)}`;
  if (!parsed.success) {
    return data({ key, errors: parsed.error.issues.map((i) => i.message).filter((m) => m.startsWith("festivals.")), reason: formText(form.reason) }, { status: 400 });
  }
  const v = parsed.data;
  const changed = decide(v.subject, v.id, v.decision, v.reason || null, { userId: user.id, ip: requestMeta(request, context).ip, now: new Date(now()) });
  if (!changed) return data({ key, errors: ["festivals.errors.alreadyDecided"], reason: v.reason ?? "" }, { status: 409 });
  const festival = new URL(request.url).searchParams.get("festival");
  return redirect(`${localizePath("/organiser/review", lang)}?${new URLSearchParams({ ...(festival ? { festival } : {}), done: v.decision })}`);
}

export default function ReviewQueue() {
  const { items, done, heading, filtered } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const busy = useNavigation().state === "submitting";
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
      {items.length ? (
        <ul className="review-list">
          {items.map((item) => {
            const errors = actionData?.key === item.key ? actionData.errors : undefined;
            return (
              <li key={item.key} className="review-item" data-review={item.key}>
                <p className="review-item__kind">
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
                {item.enrolmentPending ? <p className="muted">{t("festivals.review.enrolmentPending")}</p> : null}
                <Form method="post" className="review-item__form">
                  <input type="hidden" name="subject" value={item.subject} />
                  <input type="hidden" name="id" value={item.id} />
                  <div className={`field${errors?.length ? " field--invalid" : ""}`}>
                    <label htmlFor={`reason-${item.key}`}>{t("festivals.review.reason")}</label>
                    <textarea
                      id={`reason-${item.key}`}
                      name="reason"
                      rows={2}
                      defaultValue={actionData?.key === item.key ? actionData.reason : ""}
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
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t("festivals.review.empty")}</p>
      )}
    </div>
  );
}
