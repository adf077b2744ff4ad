import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { AreaHead } from "~/components/area-head";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Price } from "~/components/catalog";
import { ErrorList } from "~/components/forms";
import { requestMeta, requireStoreOwner } from "~/modules/auth/guards.server";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { fromLocalInput, registrationOpen } from "~/modules/festivals/clock";
import { offerDeal, offerDeals, ownerEnrolment } from "~/modules/festivals/enrolment.server";
import { BULK_DISCOUNT_MAX, bulkDealSchema, dealSchema, discountedMinor } from "~/modules/festivals/schemas";
import { notFound } from "~/modules/http/responses.server";
import { localizePath } from "~/modules/i18n/config";
import { formatDateTime, formatNumber, timeZoneName } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { TableScroll } from "~/components/table-scroll";
import { formText } from "~/modules/http/form";
import { BidiText, Value } from "~/components/value";
import { isolate } from "~/modules/i18n/isolate";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t, currency } = requestContext(request);
  const detail = await ownerEnrolment(user.id, params.slug ?? "", params.store ?? "", lang, now());
  if (!detail) throw notFound(t);
  const view = await presenter(lang, currency);
  const zone = detail.festival.timeZone;
  const sale = detail.festival.clock.sale;
  return {
    title: `${detail.festival.name} · ${detail.store.name}`,
    festival: { slug: detail.festival.slug, name: detail.festival.name, timeZone: zone, zoneName: timeZoneName(zone, lang) },
    open: registrationOpen(detail.festival.phases, now()),
    store: detail.store,
    saved: (() => {
      const saved = Number(new URL(request.url).searchParams.get("saved"));
      if (!Number.isSafeInteger(saved) || saved <= 0) return null;
      return saved > 1 ? t("festivals.owner.dealsSaved", { count: saved }) : t("festivals.owner.dealSaved");
    })(),
    enrolment: { status: detail.enrolment.status, statusLabel: t(`festivals.decision.${detail.enrolment.status}`), reason: detail.enrolment.reason },
    sale: sale ? `${isolate(formatDateTime(sale.startsAt, lang, zone))} – ${isolate(formatDateTime(sale.endsAt, lang, zone))}` : "",
    products: detail.products.map((p) => ({
      id: p.id,
      name: p.name,
      priceMinor: p.priceMinor,
      stock: p.stock,
      price: view.money(p.priceMinor),
      stockLabel: t("festivals.owner.stock", { value: formatNumber(p.stock, lang) }),
      label: `${p.name} — ${view.money(p.priceMinor)} · ${t("festivals.owner.stock", { value: formatNumber(p.stock, lang) })}`,
    })),
    bulkMax: BULK_DISCOUNT_MAX,
    deals: detail.deals.map((d) => ({
      id: d.id,
      product: d.productName,
      price: view.money(d.dealPriceMinor),
      regular: view.money(d.regularMinor),
      committed: formatNumber(d.committedStock, lang),
      limit: d.perCustomerLimit ? formatNumber(d.perCustomerLimit, lang) : "—",
      flash: d.flashStartsAt && d.flashEndsAt ? `${isolate(formatDateTime(d.flashStartsAt, lang, zone))} – ${isolate(formatDateTime(d.flashEndsAt, lang, zone))}` : "—",
      status: d.status,
      statusLabel: t(`festivals.decision.${d.status}`),
      reason: d.reason,
    })),
  };
}

/** Why an offer was refused, as the form's message key. */
const REFUSED = { rejected: "festivals.errors.enrolmentRejected", closed: "festivals.errors.registrationClosed" } as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t } = requestContext(request);
  const at = now();
  const detail = await ownerEnrolment(user.id, params.slug ?? "", params.store ?? "", lang, at);
  if (!detail) throw notFound(t);
  const form = await readForm(request, t);
  if (formText(form.get("intent")) === "bulk") {
    const bulk = parseWithZod(form, { schema: bulkDealSchema(detail.products) });
    if (bulk.status !== "success") return data({ result: null, bulk: bulk.reply() }, { status: 400 });
    const { percent, perCustomerLimit, offers } = bulk.value;
    const offered = await offerDeals(
      user.id,
      detail.enrolment.id,
      offers.map((o) => ({
        productId: o.productId,
        dealPriceMinor: discountedMinor(detail.products.find((p) => p.id === o.productId)!.priceMinor, percent),
        committedStock: o.committedStock,
        perCustomerLimit,
        flashStartsAt: null,
        flashEndsAt: null,
      })),
      at,
      requestMeta(request, context).ip,
    );
    if (offered === "not_found") throw notFound(t);
    if (offered !== "offered") return data({ result: null, bulk: bulk.reply({ formErrors: [REFUSED[offered]] }) }, { status: 409 });
    return redirect(`${localizePath(`/dashboard/festivals/${detail.festival.slug}/${detail.store.slug}`, lang)}?saved=${offers.length}`);
  }
  const productId = formText(form.get("product"));
  const product = detail.products.find((p) => String(p.id) === productId);
  // A product id that is not one of this enrolment's store's listed products
  // (another owner's, say, put in the field by hand) is not found here.
  if (productId !== "" && !product) throw notFound(t);
  const submission = parseWithZod(form, {
    schema: dealSchema({ phases: detail.festival.phases, timeZone: detail.festival.timeZone, regularMinor: product?.priceMinor, stock: product?.stock }),
  });
  if (submission.status !== "success") return data({ result: submission.reply(), bulk: null }, { status: 400 });
  if (!product) return data({ result: submission.reply({ fieldErrors: { product: ["festivals.errors.productRequired"] } }), bulk: null }, { status: 400 });
  const v = submission.value;
  const flashStart = v.flash_start ? fromLocalInput(v.flash_start, detail.festival.timeZone) : null;
  const flashEnd = v.flash_end ? fromLocalInput(v.flash_end, detail.festival.timeZone) : null;
  const offered = await offerDeal(
    user.id,
    detail.enrolment.id,
    {
      productId: product.id,
      dealPriceMinor: v.dealPrice,
      committedStock: v.committedStock,
      perCustomerLimit: v.perCustomerLimit ?? null,
      flashStartsAt: flashStart?.ok ? flashStart.instant : null,
      flashEndsAt: flashEnd?.ok ? flashEnd.instant : null,
    },
    at,
    requestMeta(request, context).ip,
  );
  if (offered === "not_found") throw notFound(t);
  if (offered !== "offered") return data({ result: submission.reply({ formErrors: [REFUSED[offered]] }), bulk: null }, { status: 409 });
  return redirect(`${localizePath(`/dashboard/festivals/${detail.festival.slug}/${detail.store.slug}`, lang)}?saved=1`);
}

function Input({ label, field, type = "text", hint }: { label: string; field: FieldMetadata<string | undefined>; type?: "text" | "datetime-local"; hint?: string }) {
  const props = getInputProps(field, { type: type as "text", ariaAttributes: true });
  return (
    <div className={`field${field.errors?.length ? " field--invalid" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      <input {...props} key={props.key} inputMode={type === "text" ? "decimal" : undefined} />
      {hint ? <p className="field-hint">{hint}</p> : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

type BulkProduct = { id: number; name: string; priceMinor: number; stock: number; price: string; stockLabel: string };

/**
 * One percentage for every product ticked, each with its committed units
 * (the product's stock to start with); the server works out each deal price.
 */
function BulkOffer({ products, max, lastResult, busy }: { products: BulkProduct[]; max: number; lastResult?: SubmissionResult<string[]>; busy: boolean }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "deal-bulk",
    lastResult,
    defaultValue: Object.fromEntries(products.map((p) => [`units_${p.id}`, String(p.stock)])),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bulkDealSchema(products) }),
  });
  const f = fields as unknown as Record<string, FieldMetadata<string | undefined>>;
  return (
    <Form method="post" className="form-card bulk-offer" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="bulk" />
      <h2>{t("festivals.owner.bulkTitle")}</h2>
      <p className="field-hint">{t("festivals.owner.bulkHint", { max })}</p>
      <ErrorList id={form.errorId} errors={form.errors} />
      <fieldset className="bulk-offer__products">
        <legend>{t("festivals.owner.bulkProducts")}</legend>
        <ul>
          {products.map((p) => {
            const pick = f[`pick_${p.id}`];
            const units = f[`units_${p.id}`];
            const unitsProps = getInputProps(units, { type: "text", ariaAttributes: true });
            return (
              <li key={p.id} className={pick.errors?.length || units.errors?.length ? "field--invalid" : undefined}>
                <label className="bulk-offer__pick">
                  <input type="checkbox" name={pick.name} id={pick.id} value="on" defaultChecked={pick.initialValue === "on"} key={pick.key} />
                  <span>
                    <strong>{p.name}</strong> <span className="muted">
                      <Value ltr>{p.price}</Value> · <BidiText text={p.stockLabel} />
                    </span>
                  </span>
                </label>
                <ErrorList id={pick.errorId} errors={pick.errors} />
                <div className="bulk-offer__units">
                  <label htmlFor={units.id}>
                    {t("festivals.owner.committedStock")}
                    <span className="visually-hidden"> · {p.name}</span>
                  </label>
                  <input {...unitsProps} key={unitsProps.key} inputMode="numeric" size={6} />
                  <ErrorList id={units.errorId} errors={units.errors} />
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="phase-fields__pair">
        <Input label={t("festivals.owner.percent", { max })} field={f.percent} />
        <Input label={t("festivals.owner.limit")} field={f.perCustomerLimit} hint={t("festivals.form.optional")} />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t("festivals.owner.bulkApply")}
      </button>
    </Form>
  );
}

export default function EnrolmentDeals() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "deal-offer",
    lastResult: actionData?.result ?? undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: dealSchema() }),
  });
  const select = getSelectProps(fields.product);
  return (
    <div className="container stack">
      <AreaHead back={{ to: localize("/dashboard/festivals"), label: t("festivals.owner.title") }} title={`${d.festival.name} · ${d.store.name}`} notice={d.saved}>
        <p>
          <span className={`state-pill state-pill--${d.enrolment.status}`}>{d.enrolment.statusLabel}</span>
          {d.enrolment.reason ? <span> {t("festivals.owner.reason", { reason: d.enrolment.reason })}</span> : null}{" "}
          <Link to={localize(`/dashboard/festivals/${d.festival.slug}/${d.store.slug}/sessions`)} data-link="propose-session">
            {t("programme.owner.title")}
          </Link>
        </p>
        <p className="muted">
          {t("festivals.phase.sale")}: <BidiText text={d.sale} /> ({d.festival.zoneName})
        </p>
      </AreaHead>
      <section aria-labelledby="deals-title">
        <h2 id="deals-title">{t("festivals.owner.deals")}</h2>
        {d.deals.length ? (
          <TableScroll label={t("festivals.owner.deals")}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("festivals.owner.product")}</th>
                  <th scope="col">{t("festivals.owner.dealPrice")}</th>
                  <th scope="col">{t("festivals.owner.committedStock")}</th>
                  <th scope="col">{t("festivals.owner.limit")}</th>
                  <th scope="col">{t("festivals.owner.flash")}</th>
                  <th scope="col">{t("festivals.owner.decision")}</th>
                </tr>
              </thead>
              <tbody>
                {d.deals.map((deal) => (
                  <tr key={deal.id} data-deal-status={deal.status}>
                    <th scope="row">{deal.product}</th>
                    <td>
                      <Price value={deal.price} className="price price--deal" />{" "}
                      <s>
                        <Price value={deal.regular} />
                      </s>
                    </td>
                    <td>
                      <Value ltr>{deal.committed}</Value>
                    </td>
                    <td>
                      <Value ltr>{deal.limit}</Value>
                    </td>
                    <td>
                      <BidiText text={deal.flash} />
                    </td>
                    <td>
                      <span className={`state-pill state-pill--${deal.status}`}>{deal.statusLabel}</span>
                      {deal.reason ? <p className="owner-store__reason">{t("festivals.owner.reason", { reason: deal.reason })}</p> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="muted">{t("festivals.owner.noDeals")}</p>
        )}
      </section>
      {d.enrolment.status !== "rejected" && d.open && d.products.length ? <BulkOffer products={d.products} max={d.bulkMax} lastResult={actionData?.bulk ?? undefined} busy={busy} /> : null}
      {d.enrolment.status !== "rejected" && d.open ? (
        <Form method="post" className="form-card" {...getFormProps(form)}>
          <h2>{t("festivals.owner.offerTitle")}</h2>
          <p className="field-hint">{t("festivals.owner.offerHint")}</p>
          <ErrorList id={form.errorId} errors={form.errors} />
          <div className={`field${fields.product.errors?.length ? " field--invalid" : ""}`}>
            <label htmlFor={fields.product.id}>{t("festivals.owner.product")}</label>
            <select {...select} key={select.key}>
              <option value="">{t("festivals.owner.chooseProduct")}</option>
              {d.products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
            <ErrorList id={fields.product.errorId} errors={fields.product.errors} />
          </div>
          <Input label={t("festivals.owner.dealPrice")} field={fields.dealPrice as FieldMetadata<string | undefined>} hint={t("festivals.owner.dealPriceHint")} />
          <Input label={t("festivals.owner.committedStock")} field={fields.committedStock} />
          <Input label={t("festivals.owner.limit")} field={fields.perCustomerLimit} hint={t("festivals.form.optional")} />
          <div className="phase-fields__pair">
            <Input label={t("festivals.owner.flashStart")} field={fields.flash_start} type="datetime-local" />
            <Input label={t("festivals.owner.flashEnd")} field={fields.flash_end} type="datetime-local" />
          </div>
          <p className="field-hint">{t("festivals.owner.flashHint", { zone: d.festival.zoneName })}</p>
          <button type="submit" className="button" disabled={busy}>
            {t("festivals.owner.offer")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
