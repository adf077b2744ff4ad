import feeds from "./feeds/en";
import owner from "./owner/en";

/** The back office's strings (owners' and organisers' pages), downloaded only by those pages (see index.ts). */
export default { feeds, owner };
