import { createContext, useContext } from "react";

/** The request's CSP nonce, given by the server to every inline and Remix script. */
const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
