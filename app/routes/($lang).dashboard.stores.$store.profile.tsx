import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { ratesFromForm, shippingRatesSchema } from "~/modules/shipping/shipping-schema";
import { saveStoreShippingRates, storeShippingRates } from "~/modules/shipping/shipping.server";
import { SHIPPING_ZONES } from "~/modules/shipping/zones";
import { toMajorString } from "~/modules/festivals/money-text";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AreaHead } from "~/components/area-head";
import { ErrorList, Field } from "~/components/forms";
import { SelectField, TextareaField } from "~/components/owner";
import { requireStoreOwner } from "~/modules/auth/guards.server";
import { notFound } from "~/modules/http/responses.server";
import { dirOf, isLang, LANG_NAMES, LANGS, localizePath, type Lang } from "~/modules/i18n/config";
import { countryName, textComparer } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { listCategoryOptions } from "~/modules/owner/products.server";
import { AFRICAN_COUNTRIES } from "~/modules/geo/countries";
import { claimsStore, storeDetailsSchema, storeTranslationRemoveSchema, storeTranslationSchema } from "~/modules/owner/schemas";
import { categoryIdBySlug, ownedStoreProfile, removeStoreTranslation, saveStoreTranslation, updateStoreDetails } from "~/modules/owner/stores.server";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, store } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t } = requestContext(request);
  const profile = await ownedStoreProfile(user.id, store.id);
  if (!profile) throw notFound(t);
  const search = new URL(request.url).searchParams;
  const asked = search.get("language");
  // The language being edited: the one asked for, else the page's own.
  const editing: Lang = isLang(asked) ? asked : lang;
  const en = profile.translations.en;
  const current = profile.translations[editing];
  const storeName = profile.translations[lang]?.name ?? en?.name ?? profile.slug;
  const pending = profile.status === "pending";
  const [rates, categories] = await Promise.all([storeShippingRates(profile.id), listCategoryOptions(lang)]);
  const notice = search.get("saved") === "details"
    ? t("owner.profile.detailsSaved")
    : search.get("saved") === "shipping"
      ? t("checkout.delivery.owner.saved")
      : search.get("saved") === "translation"
      ? t("owner.profile.saved", { lang: LANG_NAMES[editing] })
      : search.get("removed")
        ? t("owner.profile.removed", { lang: LANG_NAMES[editing] })
        : null;
  return {
    title: `${t("owner.profile.title")} · ${storeName} · ${t("site.name")}`,
    storeId: profile.id,
    storeSlug: profile.slug,
    storeName,
    status: profile.status,
    statusLabel: t(`owner.status.${profile.status}`),
    live: profile.status === "live",
    version: profile.updatedAt.getTime(),
    notice,
    countryName: countryName(profile.countryCode, lang),
    countryEditable: pending,
    countries: pending
      ? AFRICAN_COUNTRIES.map((code) => ({ value: code, label: countryName(code, lang) })).sort((a, b) => textComparer(lang)(a.label, b.label))
      : [],
    categories: categories.map((c) => ({ value: c.slug, label: c.name })),
    details: {
      category: profile.categorySlug ?? "",
      country: profile.countryCode,
      foundedYear: profile.foundedYear === null ? "" : String(profile.foundedYear),
    },
    shipping: SHIPPING_ZONES.map((zone) => {
      const rate = rates[zone];
      return { zone, label: t(`checkout.delivery.owner.zone.${zone}`, { country: countryName(profile.countryCode, lang) }), own: rate.own };
    }),
    shippingValues: Object.fromEntries(
      SHIPPING_ZONES.flatMap((zone) => [
        [`${zone}Cost`, toMajorString(rates[zone].costBaseMinor, "USD")],
        [`${zone}Min`, String(rates[zone].minDays)],
        [`${zone}Max`, String(rates[zone].maxDays)],
      ]),
    ),
    languages: LANGS.map((l) => ({ lang: l, name: LANG_NAMES[l], translated: Boolean(profile.translations[l]) })),
    editing,
    translated: Boolean(current),
    // A language not written yet starts from the English city, which is the usual spelling anyway.
    values: current ?? { name: "", city: en?.city ?? "", tagline: "", story: "" },
    english: editing !== "en" && en ? en : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, store } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t } = requestContext(request);
  const formData = await readForm(request, t);
  if (!claimsStore(formData, store.id)) throw notFound(t);
  const here = localizePath(`/dashboard/stores/${store.slug}/profile`, lang);
  const intent = formData.get("intent");

  if (intent === "details") {
    const submission = parseWithZod(formData, { schema: storeDetailsSchema });
    if (submission.status !== "success") return data({ form: "details" as const, result: submission.reply() }, { status: 400 });
    const categoryId = await categoryIdBySlug(submission.value.category);
    if (!categoryId) return data({ form: "details" as const, result: submission.reply({ fieldErrors: { category: ["owner.errors.categoryRequired"] } }) }, { status: 400 });
    const outcome = await updateStoreDetails(user.id, store.id, categoryId, submission.value);
    if (outcome === "notFound") throw notFound(t);
    if (outcome === "countryLocked") return data({ form: "details" as const, result: submission.reply({ fieldErrors: { country: ["owner.errors.countryLocked"] } }) }, { status: 400 });
    // Back to the language the owner was editing, if the form said which.
    const editing = new URL(request.url).searchParams.get("language");
    return redirect(`${here}?${isLang(editing) ? `language=${editing}&` : ""}saved=details`);
  }

  if (intent === "shipping") {
    const submission = parseWithZod(formData, { schema: shippingRatesSchema });
    if (submission.status !== "success") return data({ form: "shipping" as const, result: submission.reply() }, { status: 400 });
    // The guard above found the store through its owner; the rates are written for that store only.
    await saveStoreShippingRates(store.id, ratesFromForm(submission.value));
    const editing = new URL(request.url).searchParams.get("language");
    return redirect(`${here}?${isLang(editing) ? `language=${editing}&` : ""}saved=shipping`);
  }

  if (intent === "remove") {
    const submission = parseWithZod(formData, { schema: storeTranslationRemoveSchema });
    if (submission.status !== "success") return data({ form: "remove" as const, result: submission.reply() }, { status: 400 });
    const outcome = await removeStoreTranslation(user.id, store.id, submission.value.language);
    if (outcome === "notFound") throw notFound(t);
    if (outcome !== "removed") {
      const message = outcome === "englishRequired" ? "owner.errors.englishRequired" : "owner.errors.storyLastOne";
      return data({ form: "remove" as const, result: submission.reply({ formErrors: [message] }) }, { status: 400 });
    }
    return redirect(`${here}?language=${submission.value.language}&removed=1`);
  }

  const submission = parseWithZod(formData, { schema: storeTranslationSchema });
  if (intent !== "translation") return data({ form: "translation" as const, result: submission.reply({ formErrors: ["owner.errors.intentInvalid"] }) }, { status: 400 });
  if (submission.status !== "success") return data({ form: "translation" as const, result: submission.reply() }, { status: 400 });
  const outcome = await saveStoreTranslation(user.id, store.id, submission.value);
  if (outcome === "notFound") throw notFound(t);
  if (outcome === "storyRequired") return data({ form: "translation" as const, result: submission.reply({ fieldErrors: { story: ["owner.errors.storyRequired"] } }) }, { status: 400 });
  return redirect(`${here}?language=${submission.value.language}&saved=translation`);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

// Every form posts to the page for the language being edited (without the last
// save's notice), so a refused save, with or without JavaScript, shows that language again.
function DetailsForm({ d, postTo, lastResult, busy }: { d: LoaderData; postTo: string; lastResult?: SubmissionResult<string[]>; busy: boolean }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "store-details",
    lastResult,
    defaultValue: d.details,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: storeDetailsSchema }),
  });
  const f = fields as unknown as Record<string, FieldMetadata<string | undefined>>;
  return (
    <Form method="post" action={postTo} className="form-card owner-form" {...getFormProps(form)}>
      <h2>{t("owner.profile.details")}</h2>
      <input type="hidden" name="store" value={d.storeId} />
      <input type="hidden" name="intent" value="details" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="owner-form__grid">
        <SelectField label={t("owner.profile.category")} field={f.category} options={d.categories} placeholder={t("owner.product.chooseCategory")} />
        {d.countryEditable ? (
          <SelectField label={t("owner.profile.country")} field={f.country} options={d.countries} placeholder={t("owner.apply.chooseCountry")} />
        ) : (
          <div className={`field${f.country.errors?.length ? " field--invalid" : ""}`}>
            <p className="owner-fixed__label">{t("owner.profile.country")}</p>
            <p className="owner-fixed">{d.countryName}</p>
            <p className="field-hint">{t("owner.profile.countryLocked")}</p>
            <ErrorList id={f.country.errorId} errors={f.country.errors} />
          </div>
        )}
        <div className={`field${f.foundedYear.errors?.length ? " field--invalid" : ""}`}>
          <label htmlFor={f.foundedYear.id}>{t("owner.profile.foundedYear")}</label>
          <input {...getInputProps(f.foundedYear, { type: "text", ariaAttributes: true })} key={f.foundedYear.key} inputMode="numeric" autoComplete="off" />
          <p className="field-hint">{t("owner.profile.foundedYearHint")}</p>
          <ErrorList id={f.foundedYear.errorId} errors={f.foundedYear.errors} />
        </div>
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t("owner.profile.saveDetails")}
      </button>
    </Form>
  );
}

function TranslationForm({ d, postTo, lastResult, busy }: { d: LoaderData; postTo: string; lastResult?: SubmissionResult<string[]>; busy: boolean }) {
  const { t } = useTranslation();
  const l = d.editing;
  const [form, fields] = useForm({
    id: "store-text",
    lastResult,
    defaultValue: d.values,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: storeTranslationSchema }),
  });
  const f = fields as unknown as Record<string, FieldMetadata<string | undefined>>;
  const name = LANG_NAMES[l];
  return (
    <Form method="post" action={postTo} className="owner-text-form" {...getFormProps(form)}>
      <input type="hidden" name="store" value={d.storeId} />
      <input type="hidden" name="intent" value="translation" />
      <input type="hidden" name="language" value={l} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <ErrorList id={f.language.errorId} errors={f.language.errors} />
      <Field label={t("owner.profile.nameIn", { lang: name })} field={f.name} inputProps={{ lang: l, dir: dirOf(l), autoComplete: "off" }} />
      <Field label={t("owner.profile.cityIn", { lang: name })} field={f.city} inputProps={{ lang: l, dir: dirOf(l), autoComplete: "off" }} />
      <Field label={t("owner.profile.taglineIn", { lang: name })} field={f.tagline} hint={t("owner.profile.taglineHint")} inputProps={{ lang: l, dir: dirOf(l), autoComplete: "off" }} />
      <TextareaField label={t("owner.profile.storyIn", { lang: name })} field={f.story} hint={t("owner.profile.storyHint")} rows={8} lang={l} />
      <button type="submit" className="button" disabled={busy}>
        {t("owner.profile.save", { lang: name })}
      </button>
    </Form>
  );
}

function ShippingForm({ d, postTo, lastResult, busy }: { d: LoaderData; postTo: string; lastResult?: SubmissionResult<string[]>; busy: boolean }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "store-shipping",
    lastResult,
    defaultValue: d.shippingValues,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: shippingRatesSchema }),
  });
  const f = fields as unknown as Record<string, FieldMetadata<string | undefined>>;
  const input = (name: string, label: string, mode: "decimal" | "numeric") => (
    <div className={`field${f[name].errors?.length ? " field--invalid" : ""}`}>
      <label htmlFor={f[name].id}>{label}</label>
      <input {...getInputProps(f[name], { type: "text", ariaAttributes: true })} key={f[name].key} inputMode={mode} autoComplete="off" dir="ltr" />
      <ErrorList id={f[name].errorId} errors={f[name].errors} />
    </div>
  );
  return (
    <Form method="post" action={postTo} className="form-card owner-form" {...getFormProps(form)} data-testid="shipping-form">
      <h2>{t("checkout.delivery.owner.title")}</h2>
      <p className="field-hint">{t("checkout.delivery.owner.intro")}</p>
      <input type="hidden" name="store" value={d.storeId} />
      <input type="hidden" name="intent" value="shipping" />
      <ErrorList id={form.errorId} errors={form.errors} />
      {d.shipping.map((z) => (
        <fieldset key={z.zone} className="owner-form__grid shipping-zone">
          <legend>{z.label}</legend>
          {input(`${z.zone}Cost`, t("checkout.delivery.owner.cost"), "decimal")}
          {input(`${z.zone}Min`, t("checkout.delivery.owner.minDays"), "numeric")}
          {input(`${z.zone}Max`, t("checkout.delivery.owner.maxDays"), "numeric")}
          {z.own ? null : <p className="field-hint">{t("checkout.delivery.owner.isDefault")}</p>}
        </fieldset>
      ))}
      <button type="submit" className="button" disabled={busy}>
        {t("checkout.delivery.owner.save")}
      </button>
    </Form>
  );
}

export default function StoreProfile() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const busy = useNavigation().state === "submitting";
  const here = localize(`/dashboard/stores/${d.storeSlug}/profile`);
  const editingName = LANG_NAMES[d.editing];
  const formAction = `${here}?language=${d.editing}`;
  const removeErrors = actionData?.form === "remove" ? Object.values(actionData.result.error ?? {}).flat().filter((e): e is string => Boolean(e)) : [];
  return (
    <div className="container stack owner-profile">
      <AreaHead back={{ to: localize("/dashboard"), label: t("owner.dashboard.title") }} title={t("owner.profile.title")} notice={actionData ? null : d.notice}>
        <p>
          {d.storeName} <span className={`state-pill state-pill--${d.status}`}>{d.statusLabel}</span>
        </p>
      </AreaHead>
      {/* Keyed by the store's version so a saved form starts again from what is stored. */}
      <DetailsForm key={`details-${d.version}`} d={d} postTo={formAction} lastResult={actionData?.form === "details" ? actionData.result : undefined} busy={busy} />
      <ShippingForm
        key={`shipping-${JSON.stringify(d.shippingValues)}`}
        d={d}
        postTo={formAction}
        lastResult={actionData?.form === "shipping" ? actionData.result : undefined}
        busy={busy}
      />

      <section className="form-card" aria-labelledby="store-languages">
        <h2 id="store-languages">{t("owner.profile.languages")}</h2>
        <p className="field-hint">{t("owner.profile.languagesHint")}</p>
        <ul className="owner-filter owner-lang-picker">
          {d.languages.map((l) => (
            <li key={l.lang} data-lang={l.lang} data-state={l.translated ? "translated" : "missing"}>
              <Link className="owner-chip" to={`${here}?language=${l.lang}`} aria-current={l.lang === d.editing ? "page" : undefined} preventScrollReset>
                <span lang={l.lang}>{l.name}</span>{" "}
                <span className={`owner-lang__state owner-lang__state--${l.translated ? "done" : "missing"}`}>
                  {l.translated ? t("owner.profile.translated") : t("owner.profile.missing")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <h3 id="store-text-title">{t("owner.profile.editing", { lang: editingName })}</h3>
        {d.english ? (
          <details className="owner-lang">
            <summary>{t("owner.profile.englishText")}</summary>
            <dl className="owner-lang__body owner-reference" lang="en" dir="ltr">
              <dt>{t("owner.apply.name")}</dt>
              <dd>{d.english.name}</dd>
              <dt>{t("owner.apply.city")}</dt>
              <dd>{d.english.city}</dd>
              {d.english.tagline ? (
                <>
                  <dt>{t("owner.profile.taglineIn", { lang: LANG_NAMES.en })}</dt>
                  <dd>{d.english.tagline}</dd>
                </>
              ) : null}
              {d.english.story ? (
                <>
                  <dt>{t("owner.profile.storyIn", { lang: LANG_NAMES.en })}</dt>
                  <dd className="owner-story">{d.english.story}</dd>
                </>
              ) : null}
            </dl>
          </details>
        ) : null}
        <TranslationForm key={`text-${d.editing}-${d.version}`} d={d} postTo={formAction} lastResult={actionData?.form === "translation" ? actionData.result : undefined} busy={busy} />
        {d.live && d.translated ? (
          <p>
            <Link to={localizePath(`/stores/${d.storeSlug}`, d.editing)}>{t("owner.profile.viewIn", { lang: editingName })}</Link>
          </p>
        ) : null}
        {d.editing !== "en" && d.translated ? (
          <Form method="post" action={formAction} className="owner-remove">
            <input type="hidden" name="store" value={d.storeId} />
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="language" value={d.editing} />
            <p className="field-hint" id="remove-hint">
              {t("owner.profile.removeHint", { lang: editingName })}
            </p>
            <button type="submit" className="button button--ghost" disabled={busy} aria-describedby="remove-hint">
              {t("owner.profile.remove", { lang: editingName })}
            </button>
          </Form>
        ) : null}
        <ErrorList id="remove-error" errors={removeErrors} />
      </section>
    </div>
  );
}
