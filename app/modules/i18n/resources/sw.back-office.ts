import feeds from "./feeds/sw";
import owner from "./owner/sw";

/** The back office's strings (owners' and organisers' pages), downloaded only by those pages (see index.ts). */
export default { feeds, owner };
