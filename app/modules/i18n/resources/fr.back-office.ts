import feeds from "./feeds/fr";
import owner from "./owner/fr";

/** The back office's strings (owners' and organisers' pages), downloaded only by those pages (see index.ts). */
export default { feeds, owner };
