import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProductForm } from "~/components/owner";
import { requireStoreOwner } from "~/modules/auth/guards.server";
import { localizePath } from "~/modules/i18n/config";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { FORM_MAX_BYTES, tryReadForm } from "~/modules/http/form.server";
import { badRequest } from "~/modules/http/responses.server";
import { PHOTOS_AT_CREATE } from "~/modules/owner/images.server";
import { MAX_UPLOAD_BYTES, prepareImages } from "~/modules/uploads/images.server";
import { requestContext } from "~/modules/i18n/request.server";
import { createProduct, listCategoryOptions } from "~/modules/owner/products.server";
import { productSchema } from "~/modules/owner/schemas";
import { categoryIdBySlug, ownedStoreName } from "~/modules/owner/stores.server";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, store } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t } = requestContext(request);
  const [name, categories] = await Promise.all([ownedStoreName(user.id, store.id, lang), listCategoryOptions(lang)]);
  const storeName = name ?? store.slug;
  return {
    title: `${t("owner.product.new")} · ${storeName} · ${t("site.name")}`,
    storeName,
    categories,
    photosMax: PHOTOS_AT_CREATE,
  };
}

// Room for the most photos the form takes, each at the upload limit, beside the text of six languages.
const NEW_PRODUCT_MAX_BYTES = PHOTOS_AT_CREATE * MAX_UPLOAD_BYTES + FORM_MAX_BYTES;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, store } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t } = requestContext(request);
  const reading = await tryReadForm(request, { files: ["photos"], repeatedFiles: ["photos"], maxBytes: NEW_PRODUCT_MAX_BYTES });
  if (!reading.ok) {
    // Too much to read: the text never arrived, so only the photos' error can be said.
    if (reading.problem === "tooLarge") return data({ result: { status: "error" as const, error: { photos: ["owner.images.errors.tooMuch"] } }, photo: null }, { status: 413 });
    throw badRequest(t, reading.problem);
  }
  const form = reading.form;
  const photos = form.getAll("photos").filter((f): f is File => f instanceof File && f.size > 0);
  const submission = parseWithZod(form, { schema: productSchema });
  const refuse = (fieldErrors: Record<string, string[]>, photo: { n: number; name: string } | null = null, status = 400) =>
    data({ result: submission.reply({ fieldErrors }), photo }, { status });
  if (submission.status !== "success") return data({ result: submission.reply(), photo: null }, { status: 400 });
  const categoryId = await categoryIdBySlug(submission.value.category);
  if (!categoryId) return refuse({ category: ["owner.errors.categoryRequired"] });
  if (photos.length > PHOTOS_AT_CREATE) return refuse({ photos: ["owner.images.errors.tooMany"] });
  const prepared = await prepareImages(photos);
  if (!prepared.ok) return refuse({ photos: [`owner.images.errors.${prepared.reason}`] }, { n: prepared.index + 1, name: prepared.name.slice(0, 80) });
  // The product, its translations and its photos in one transaction: nothing is stored unless all of it is.
  const id = await createProduct(user.id, store.id, categoryId, submission.value, prepared.images);
  return redirect(`${localizePath(`/dashboard/stores/${store.slug}/products/${id}`, lang)}?saved=1`);
}

export default function NewProduct() {
  const { storeName, categories, photosMax } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="container stack">
      <nav className="breadcrumb" aria-label={t("nav.breadcrumb")}>
        <Link to={localize("/dashboard")}>{t("owner.dashboard.title")}</Link> › {storeName}
      </nav>
      <header className="page-head">
        <h1>{t("owner.product.new")}</h1>
        <p>{t("owner.product.newIntro")}</p>
      </header>
      <ProductForm
        id="product-new"
        lastResult={actionData?.result}
        categories={categories}
        submitLabel={t("owner.product.create")}
        busy={busy}
        photos={{ max: photosMax, failed: actionData?.photo ?? null }}
      />
    </div>
  );
}
