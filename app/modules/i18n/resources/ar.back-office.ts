import feeds from "./feeds/ar";
import owner from "./owner/ar";

/** The back office's strings (owners' and organisers' pages), downloaded only by those pages (see index.ts). */
export default { feeds, owner };
