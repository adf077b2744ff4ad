import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata } from "@conform-to/react";
import { AreaHead } from "~/components/area-head";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Price } from "~/components/catalog";
import { ErrorList } from "~/components/forms";
import { requestMeta, requireStoreOwner } from "~/modules/auth/guards.server";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { fromLocalInput, registrationOpen } from "~/modules/festivals/clock";
import { offerDeal, ownerEnrolment } from "~/modules/festivals/enrolment.server";
import { dealSchema } from "~/modules/festivals/schemas";
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

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t, currency } = requestContext(request);
  const detail = ownerEnrolment(user.id, params.slug ?? "", params.store ?? "", lang, now());
  if (!detail) throw notFound(t);
  const view = presenter(lang, currency);
  const zone = detail.festival.timeZone;
  const sale = detail.festival.clock.sale;
  return {
    title: `${detail.festival.name} · ${detail.store.name}`,
    festival: { slug: detail.festival.slug, name: detail.festival.name, timeZone: zone, zoneName: timeZoneName(zone, lang) },
    open: registrationOpen(detail.festival.phases, now()),
    store: detail.store,
    saved: new URL(request.url).searchParams.get("saved") ? t("festivals.owner.dealSaved") : null,
    enrolment: { status: detail.enrolment.status, statusLabel: t(`festivals.decision.${detail.enrolment.status}`), reason: detail.enrolment.reason },
    sale: sale ? `${isolate(formatDateTime(sale.startsAt, lang, zone))} – ${isolate(formatDateTime(sale.endsAt, lang, zone))}` : "",
    products: detail.products.map((p) => ({
      id: p.id,
      label: `${p.name} — ${view.money(p.priceMinor)} · ${t("festivals.owner.stock", { value: formatNumber(p.stock, lang) })}`,
    })),
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

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t } = requestContext(request);
  const at = now();
  const detail = ownerEnrolment(user.id, params.slug ?? "", params.store ?? "", lang, at);
  if (!detail) throw notFound(t);
  const form = await readForm(request, t);
  const productId = formText(form.get("product"));
  const product = detail.products.find((p) => String(p.id) === productId);
  // A product id that is not one of this enrolment's store's listed products
  // (another owner's, say, put in the field by hand) is not found here.
  if (productId !== "" && !product) throw notFound(t);
  const submission = parseWithZod(form, {
    schema: dealSchema({ phases: detail.festival.phases, timeZone: detail.festival.timeZone, regularMinor: product?.priceMinor, stock: product?.stock }),
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (!product) return data({ result: submission.reply({ fieldErrors: { product: ["festivals.errors.productRequired"] } }) }, { status: 400 });
  if (detail.enrolment.status === "rejected") return data({ result: submission.reply({ formErrors: ["festivals.errors.enrolmentRejected"] }) }, { status: 409 });
  if (!registrationOpen(detail.festival.phases, at)) return data({ result: submission.reply({ formErrors: ["festivals.errors.registrationClosed"] }) }, { status: 409 });
  const v = submission.value;
  const flashStart = v.flash_start ? fromLocalInput(v.flash_start, detail.festival.timeZone) : null;
  const flashEnd = v.flash_end ? fromLocalInput(v.flash_end, detail.festival.timeZone) : null;
  const offered = offerDeal(
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
  if (!offered) throw notFound(t);
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

export default function EnrolmentDeals() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "deal-offer",
    lastResult: actionData?.result,
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
          {d.enrolment.reason ? <span> {t("festivals.owner.reason", { reason: d.enrolment.reason })}</span> : null}
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
