import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/forms";
import { SelectField, TextareaField } from "~/components/owner";
import { requireOwner } from "~/modules/auth/guards.server";
import { LANGS, LANG_NAMES, localizePath } from "~/modules/i18n/config";
import { countryName, textComparer } from "~/modules/i18n/format";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { listCategoryOptions } from "~/modules/owner/products.server";
import { AFRICAN_COUNTRIES } from "~/modules/geo/countries";
import { storeApplicationSchema } from "~/modules/owner/schemas";
import { applyWithStore, categoryIdBySlug } from "~/modules/owner/stores.server";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOwner(request);
  const { lang, t } = requestContext(request);
  return {
    title: `${t("owner.apply.title")} · ${t("site.name")}`,
    lang,
    categories: (await listCategoryOptions(lang)).map((c) => ({ value: c.slug, label: c.name })),
    countries: AFRICAN_COUNTRIES.map((code) => ({ value: code, label: countryName(code, lang) })).sort((a, b) => textComparer(lang)(a.label, b.label)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOwner(request);
  const { lang, t } = requestContext(request);
  const submission = parseWithZod(await readForm(request, t), { schema: storeApplicationSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const categoryId = await categoryIdBySlug(submission.value.category);
  if (!categoryId) return data({ result: submission.reply({ fieldErrors: { category: ["owner.errors.categoryRequired"] } }) }, { status: 400 });
  await applyWithStore(user.id, submission.value, categoryId);
  return redirect(`${localizePath("/dashboard", lang)}?applied=1`);
}

export default function ApplyWithStore() {
  const { categories, countries, lang } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "apply",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: storeApplicationSchema }),
  });
  const f = fields as unknown as Record<string, FieldMetadata<string | undefined>>;
  // The page's own language first: that is where most owners write their story.
  const order = [lang, ...LANGS.filter((l) => l !== lang)];
  return (
    <div className="container narrow stack">
      <header className="page-head">
        <h1>{t("owner.apply.title")}</h1>
        <p>{t("owner.apply.intro")}</p>
      </header>
      <Form method="post" className="form-card" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label={t("owner.apply.name")} field={f.name} inputProps={{ autoComplete: "organization" }} />
        <SelectField label={t("owner.apply.country")} field={f.country} options={countries} placeholder={t("owner.apply.chooseCountry")} />
        <Field label={t("owner.apply.city")} field={f.city} inputProps={{ autoComplete: "address-level2" }} />
        <SelectField label={t("owner.apply.category")} field={f.category} options={categories} placeholder={t("owner.product.chooseCategory")} />
        <fieldset className="owner-langs">
          <legend>{t("owner.apply.story")}</legend>
          <p className="field-hint">{t("owner.apply.storyHint")}</p>
          {order.map((l, i) => (
            <details key={l} className="owner-lang" open={i === 0 || Boolean(f[`story_${l}`].errors?.length)}>
              <summary lang={l}>{LANG_NAMES[l]}</summary>
              <div className="owner-lang__body">
                <TextareaField label={t("owner.apply.storyIn", { lang: LANG_NAMES[l] })} field={f[`story_${l}`]} rows={5} lang={l} />
              </div>
            </details>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {t("owner.apply.submit")}
        </button>
      </Form>
    </div>
  );
}
