import { Link, useFetcher, useSearchParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { MAX_LINE_QUANTITY } from "~/modules/cart/limits";
import { UTM_MEDIUM_PARAM, UTM_SOURCE_PARAM } from "~/modules/orders/source";
import { usePersonal } from "./personal";
import { useBrowserValue } from "./use-browser-value";

/** True once React runs in the browser: forms then ask the cart action for data instead of a redirect. */
export function useHydrated(): boolean {
  return useBrowserValue(() => true, false);
}

export function CartLink() {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const count = usePersonal()?.cartCount;
  return (
    // The spoken name is the full label ("Cart, 2 items"); the short visible text is hidden from
    // assistive technology rather than overridden by aria-label, so the two never disagree.
    <Link to={localize("/cart")} className="cart-link" data-testid="cart-link">
      <span className="visually-hidden">{count === undefined ? t("checkout.cart.link") : t("checkout.cart.linkLabel", { count })}</span>
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 6h15l-1.5 9h-12z" />
        <path d="M6 6 5 3H2" />
        <circle cx="9" cy="20" r="1.5" />
        <circle cx="18" cy="20" r="1.5" />
      </svg>
      <span className="cart-link__label" aria-hidden="true">
        {t("checkout.cart.link")}
      </span>
      {count === undefined ? null : (
        <span className="cart-link__count" aria-hidden="true" data-testid="cart-count">
          {count}
        </span>
      )}
    </Link>
  );
}

export interface CartActionData {
  ok: boolean;
  notice?: string;
  max?: number;
  /** The quantity was lowered to the units left at a festival deal's price. */
  byDeal?: boolean;
  /** The quantity was lowered to a festival deal's limit per customer. */
  byLimit?: boolean;
}

/** "Quantity lowered to N", saying what set the cap: the deal's units left, its per-customer limit, or the stock. */
export function loweredMessage(t: TFunction, result: CartActionData): string {
  return t(result.byDeal ? "checkout.cart.loweredDeal" : result.byLimit ? "checkout.cart.loweredLimit" : "checkout.cart.lowered", { max: result.max });
}

/**
 * Add to cart: a plain form (posts, then the cart page) without JavaScript;
 * with it, a fetcher that stays on the page and shows the result in place.
 * A page opened from a feed link carries the link's utm values into the form,
 * so the cart learns where the shopper came from without a cookie (the page is
 * the same bytes for everyone with that URL).
 */
export function AddToCartForm({ slug, soldOut }: { slug: string; soldOut: boolean }) {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const fetcher = useFetcher<CartActionData>();
  const hydrated = useHydrated();
  const [search] = useSearchParams();
  const busy = fetcher.state !== "idle";
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  if (soldOut) return null;
  const utm = [UTM_SOURCE_PARAM, UTM_MEDIUM_PARAM].flatMap((name) => {
    const value = search.get(name);
    return value ? [{ name, value: value.slice(0, 40) }] : [];
  });
  return (
    <fetcher.Form method="post" action={localize("/cart")} className="add-to-cart" data-testid="add-to-cart">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="slug" value={slug} />
      {utm.map((field) => (
        <input key={field.name} type="hidden" name={field.name} value={field.value} />
      ))}
      {hydrated ? <input type="hidden" name="enhanced" value="1" /> : null}
      <label className="add-to-cart__qty">
        <span>{t("checkout.cart.quantity")}</span>
        <input type="number" name="quantity" defaultValue={1} min={1} max={MAX_LINE_QUANTITY} inputMode="numeric" required />
      </label>
      <button type="submit" className="button" disabled={busy}>
        {t("checkout.cart.add")}
      </button>
      <p className="add-to-cart__status" role="status" aria-live="polite">
        {result?.ok ? (
          <>
            {t("checkout.cart.added")} <Link to={localize("/cart")}>{t("checkout.cart.view")}</Link>
            {result.notice === "lowered" ? <> {loweredMessage(t, result)}</> : null}
          </>
        ) : result?.notice ? (
          <span className="form-error">{t(`checkout.notice.${result.notice}`)}</span>
        ) : null}
      </p>
    </fetcher.Form>
  );
}
