import feeds from "./feeds/zh";
import owner from "./owner/zh";

/** The back office's strings (owners' and organisers' pages), downloaded only by those pages (see index.ts). */
export default { feeds, owner };
