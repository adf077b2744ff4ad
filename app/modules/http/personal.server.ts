/**
 * What belongs to one visitor and so never enters a shared page: the cart
 * count and who is signed in. Private pages read it in the root loader;
 * shared pages fetch it from /me after hydration (app/components/personal.tsx).
 */
import { getOptionalUser } from "../auth/guards.server";
import { cartItemCount } from "../cart/cart.server";

export interface Personal {
  cartCount: number;
  user: { name: string; role: "owner" | "organiser" } | null;
}

export async function personalFor(request: Request): Promise<Personal> {
  const user = await getOptionalUser(request);
  return { cartCount: await cartItemCount(request), user: user ? { name: user.name, role: user.role } : null };
}
