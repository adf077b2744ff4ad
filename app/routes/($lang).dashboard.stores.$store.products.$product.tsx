import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImageUploadField, ProductForm } from "~/components/owner";
import { requireStoreOwner } from "~/modules/auth/guards.server";
import { localizePath } from "~/modules/i18n/config";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { notFound } from "~/modules/http/responses.server";
import { addImage, changeImage, imageCount, listImages, MAX_IMAGES } from "~/modules/owner/images.server";
import { changeProductStatus, findOwnedProduct, listCategoryOptions, productFormValues, updateProduct } from "~/modules/owner/products.server";
import { imageActionSchema, productSchema, productStatusSchema, PRODUCT_INTENTS } from "~/modules/owner/schemas";
import { allowedIntents } from "~/modules/owner/status";
import { categoryIdBySlug, ownedStoreName } from "~/modules/owner/stores.server";
import { ImageRejected, prepareImage, srcSetFor } from "~/modules/uploads/images.server";
import { readImageUpload } from "~/modules/uploads/upload-form.server";
import { formText } from "~/modules/http/form";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, store } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t } = requestContext(request);
  const found = await productFormValues(user.id, store.id, Number(params.product));
  if (!found) throw notFound(t);
  const [name, categories, images] = await Promise.all([ownedStoreName(user.id, store.id, lang), listCategoryOptions(lang), listImages(user.id, store.id, found.product.id)]);
  const storeName = name ?? store.slug;
  const status = found.product.status;
  return {
    title: `${found.values.name_en ?? found.product.slug} · ${t("site.name")}`,
    storeName,
    storeSlug: store.slug,
    storeLive: store.status === "live",
    productId: found.product.id,
    productSlug: found.product.slug,
    status,
    statusLabel: t(`owner.productStatus.${status}`),
    intents: allowedIntents(status),
    values: found.values,
    categories,
    images: images.map((i) => ({ ...i, srcSet: srcSetFor(i.url) })),
    maxImages: MAX_IMAGES,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, store } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t } = requestContext(request);
  const productId = Number(params.product);
  const product = await findOwnedProduct(user.id, store.id, productId);
  if (!product) throw notFound(t);
  const here = localizePath(`/dashboard/stores/${store.slug}/products/${product.id}`, lang);

  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const upload = await readImageUpload(request);
    if (!upload.file) return data({ imageError: upload.error, result: null }, { status: 400 });
    const { file } = upload;
    if ((await imageCount(product.id)) >= MAX_IMAGES) return data({ imageError: "full", result: null }, { status: 400 });
    try {
      const image = await prepareImage(new Uint8Array(await file.arrayBuffer()));
      // Stored with its row in one transaction: a full gallery (another upload won the last place) stores nothing.
      if (!(await addImage(user.id, store.id, product.id, image))) return data({ imageError: "full", result: null }, { status: 400 });
    } catch (e) {
      if (e instanceof ImageRejected) return data({ imageError: e.reason, result: null }, { status: 400 });
      throw e;
    }
    return redirect(`${here}?uploaded=1#images`);
  }

  const formData = await readForm(request, t);
  const intent = formText(formData.get("intent"), "save");
  if ((PRODUCT_INTENTS as readonly string[]).includes(intent)) {
    const parsed = productStatusSchema.parse({ intent });
    if (!(await changeProductStatus(user.id, store.id, product.id, parsed.intent))) {
      return data({ imageError: null, result: null, statusError: "owner.errors.statusNotAllowed" }, { status: 409 });
    }
    return redirect(`${here}?status=${parsed.intent}`);
  }
  if (["cover", "up", "down", "delete"].includes(intent)) {
    const submission = parseWithZod(formData, { schema: imageActionSchema });
    if (submission.status !== "success" || !(await changeImage(user.id, store.id, product.id, submission.value.image, submission.value.intent))) {
      throw notFound(t);
    }
    return redirect(`${here}#images`);
  }
  const submission = parseWithZod(formData, { schema: productSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), imageError: null }, { status: 400 });
  const categoryId = await categoryIdBySlug(submission.value.category);
  if (!categoryId) return data({ result: submission.reply({ fieldErrors: { category: ["owner.errors.categoryRequired"] } }), imageError: null }, { status: 400 });
  if (!(await updateProduct(user.id, store.id, product.id, categoryId, submission.value))) throw notFound(t);
  return redirect(`${here}?saved=1`);
}

export default function EditProduct() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const notice = params.get("saved") ? t("owner.product.saved") : params.get("uploaded") ? t("owner.images.uploaded") : params.get("status") ? t(`owner.product.statusChanged.${params.get("status")}`, { defaultValue: "" }) : "";
  const statusError = actionData && "statusError" in actionData ? actionData.statusError : null;
  return (
    <div className="container stack">
      <nav className="breadcrumb" aria-label={t("nav.breadcrumb")}>
        <Link to={localize("/dashboard")}>{t("owner.dashboard.title")}</Link> › {d.storeName}
      </nav>
      <header className="page-head owner-panel__head">
        <div>
          <h1>{d.values.name_en}</h1>
          <p>
            <span className={`state-pill state-pill--${d.status}`}>{d.statusLabel}</span>{" "}
            <Link to={localize(`/dashboard/stores/${d.storeSlug}/products/${d.productId}/preview`)}>{t("owner.preview.open")}</Link>
            {d.status === "active" && d.storeLive ? (
              <>
                {" · "}
                <Link to={localize(`/products/${d.productSlug}`)}>{t("owner.product.viewInShop")}</Link>
              </>
            ) : null}
            {d.status === "active" && !d.storeLive ? <span className="field-hint">{t("owner.product.storeNotLive")}</span> : null}
          </p>
        </div>
        <div className="owner-actions">
          {d.intents.map((intent) => (
            <Form method="post" key={intent}>
              <input type="hidden" name="intent" value={intent} />
              <button type="submit" className={intent === "publish" ? "button" : "button button--ghost"} disabled={busy}>
                {t(`owner.product.intent.${intent}`)}
              </button>
            </Form>
          ))}
        </div>
      </header>
      {notice ? (
        <p className="owner-note owner-note--ok" role="status">
          {notice}
        </p>
      ) : null}
      {statusError ? (
        <p className="owner-note owner-note--warn" role="alert">
          {t(statusError)}
        </p>
      ) : null}
      <ProductForm
        id={`product-${d.productId}`}
        lastResult={actionData?.result ?? undefined}
        defaultValue={d.values}
        categories={d.categories}
        submitLabel={t("owner.product.save")}
        busy={busy}
      />
      <section id="images" aria-labelledby="images-title" className="form-card stack">
        <h2 id="images-title">{t("owner.images.title")}</h2>
        <p className="field-hint">{t("owner.images.hint")}</p>
        {d.images.length ? (
          <ol className="owner-images">
            {d.images.map((img, i) => (
              <li key={img.id} className={img.isCover ? "is-cover" : undefined}>
                <img src={img.url} srcSet={img.srcSet} sizes="160px" width={img.width} height={img.height} alt="" loading="lazy" />
                {img.isCover ? <span className="badge">{t("owner.images.cover")}</span> : null}
                <div className="owner-images__actions">
                  {(
                    [
                      ["cover", !img.isCover],
                      ["up", i > 0],
                      ["down", i < d.images.length - 1],
                      ["delete", true],
                    ] as const
                  )
                    .filter(([, show]) => show)
                    .map(([intent]) => (
                      <Form method="post" key={intent}>
                        <input type="hidden" name="intent" value={intent} />
                        <input type="hidden" name="image" value={img.id} />
                        <button type="submit" className="button button--small button--ghost" disabled={busy} aria-label={t(`owner.images.${intent}Label`, { n: i + 1 })}>
                          {t(`owner.images.${intent}`)}
                        </button>
                      </Form>
                    ))}
                </div>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("owner.images.none")}</p>
        )}
        {d.images.length < d.maxImages ? (
          // Keyed by the photos there are: after an upload the form is new, so the file just sent is no longer chosen.
          <Form method="post" encType="multipart/form-data" className="owner-upload" key={d.images.map((i) => i.id).join("-")}>
            <ImageUploadField id="image-upload" name="image" label={t("owner.images.choose")} error={actionData?.imageError} />
            <button type="submit" className="button" disabled={busy}>
              {t("owner.images.upload")}
            </button>
          </Form>
        ) : (
          <p>{t("owner.images.full")}</p>
        )}
      </section>
    </div>
  );
}
