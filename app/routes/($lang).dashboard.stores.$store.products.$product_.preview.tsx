/**
 * The owner's private preview of a product page: the shoppers' page for any
 * status (a draft, say), marked as a preview, with the way to publish. Found
 * through the store's owner, never cached (private, no-store), not indexed.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProductView } from "~/components/product-page";
import { requireStoreOwner } from "~/modules/auth/guards.server";
import { getOwnedProductPreview } from "~/modules/catalog/catalog.server";
import { presenter } from "~/modules/catalog/present.server";
import { productPageView } from "~/modules/catalog/product-page.server";
import { now as appNow } from "~/modules/clock/now.server";
import { notFound } from "~/modules/http/responses.server";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { findOwnedProduct } from "~/modules/owner/products.server";
import { allowedIntents } from "~/modules/owner/status";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, store } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t, currency } = requestContext(request);
  const now = appNow();
  // Found through this store and its owner; then read as the shop would show it.
  const owned = await findOwnedProduct(user.id, store.id, Number(params.product));
  const product = owned ? await getOwnedProductPreview(user.id, owned.id, lang, now) : null;
  if (!owned || !product) throw notFound(t);
  const status = owned.status;
  return {
    title: `${t("owner.preview.title")} · ${product.name} · ${t("site.name")}`,
    storeSlug: store.slug,
    productId: product.id,
    status,
    statusLabel: t(`owner.productStatus.${status}`),
    canPublish: allowedIntents(status).includes("publish"),
    storeLive: store.status === "live",
    ...(await productPageView(product, await presenter(lang, currency), t, now)),
  };
}

export default function ProductPreview() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const editPath = localize(`/dashboard/stores/${d.storeSlug}/products/${d.productId}`);
  return (
    <ProductView
      product={d.product}
      more={d.more}
      preview={
        <p className="preview-cart" data-testid="preview-cart">
          {t("owner.preview.noCart")}
        </p>
      }
    >
      <section className="preview-banner" aria-labelledby="preview-title" data-testid="preview-banner">
        <div>
          <h2 id="preview-title">{t("owner.preview.title")}</h2>
          <p>
            <span className={`state-pill state-pill--${d.status}`}>{d.statusLabel}</span> {t(d.status === "active" ? "owner.preview.live" : "owner.preview.private")}
          </p>
          {d.storeLive ? null : <p className="field-hint">{t("owner.product.storeNotLive")}</p>}
        </div>
        <div className="owner-actions">
          {d.canPublish ? (
            <Form method="post" action={editPath}>
              <input type="hidden" name="intent" value="publish" />
              <button type="submit" className="button">
                {t("owner.product.intent.publish")}
              </button>
            </Form>
          ) : null}
          <Link className="button button--ghost" to={editPath}>
            {t("owner.preview.backToEdit")}
          </Link>
        </div>
      </section>
    </ProductView>
  );
}
