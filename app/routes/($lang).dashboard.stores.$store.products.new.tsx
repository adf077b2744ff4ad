import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProductForm } from "~/components/owner";
import { requireStoreOwner } from "~/modules/auth/guards.server";
import { localizePath } from "~/modules/i18n/config";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { createProduct, listCategoryOptions } from "~/modules/owner/products.server";
import { productSchema } from "~/modules/owner/schemas";
import { categoryIdBySlug, ownedStoreName } from "~/modules/owner/stores.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, store } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t } = requestContext(request);
  const storeName = ownedStoreName(user.id, store.id, lang) ?? store.slug;
  return {
    title: `${t("owner.product.new")} · ${storeName} · ${t("site.name")}`,
    storeName,
    categories: listCategoryOptions(lang),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, store } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t } = requestContext(request);
  const submission = parseWithZod(await readForm(request, t), { schema: productSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const categoryId = categoryIdBySlug(submission.value.category);
  if (!categoryId) return data({ result: submission.reply({ fieldErrors: { category: ["owner.errors.categoryRequired"] } }) }, { status: 400 });
  const id = createProduct(user.id, store.id, categoryId, submission.value);
  return redirect(`${localizePath(`/dashboard/stores/${store.slug}/products/${id}`, lang)}?saved=1`);
}

export default function NewProduct() {
  const { storeName, categories } = useLoaderData<typeof loader>();
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
      <ProductForm id="product-new" lastResult={actionData?.result} categories={categories} submitLabel={t("owner.product.create")} busy={busy} />
    </div>
  );
}
