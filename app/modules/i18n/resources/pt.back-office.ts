import feeds from "./feeds/pt";
import owner from "./owner/pt";

/** The back office's strings (owners' and organisers' pages), downloaded only by those pages (see index.ts). */
export default { feeds, owner };
