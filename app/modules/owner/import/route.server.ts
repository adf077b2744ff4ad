/**
 * The import page's loader and action, shared by the owner's page and the
 * organiser's (which imports for a store that applied): the route finds the
 * store through its own guard, then hands it here.
 */
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { FORM_MAX_BYTES, tryReadForm } from "../../http/form.server";
import { badRequest } from "../../http/responses.server";
import { requestContext } from "../../i18n/request.server";
import { listCategoryOptions } from "../products.server";
import { MAX_ROWS, MAX_TABLE_BYTES, MAX_ZIP_BYTES } from "./columns";
import { confirmDraft, finishedImport, planImport, saveDraft, type ImportPlan } from "./import.server";
import { importConfirmSchema, importUploadSchema } from "./schemas";

export interface ImportTarget {
  store: { id: number; slug: string };
  storeName: string;
  userId: number;
  asOrganiser: boolean;
  /** The page's own path (localised), where a finished import redirects. */
  pagePath: string;
  ip: string | null;
}

export async function importPageData(request: Request, target: ImportTarget) {
  const { lang, t } = requestContext(request);
  const doneId = new URL(request.url).searchParams.get("done");
  const done = doneId ? await finishedImport(doneId, target.store.id) : null;
  return {
    title: `${t("owner.import.title")} · ${target.storeName} · ${t("site.name")}`,
    storeName: target.storeName,
    storeSlug: target.store.slug,
    asOrganiser: target.asOrganiser,
    categories: await listCategoryOptions(lang),
    limits: { rows: MAX_ROWS, tableMb: MAX_TABLE_BYTES / 1024 / 1024, zipMb: MAX_ZIP_BYTES / 1024 / 1024 },
    done,
  };
}

const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());

/** Dry run (intent=dryRun) or confirmation (intent=confirm); every refusal is a translated answer. */
export async function importPageAction(request: Request, target: ImportTarget) {
  const { t } = requestContext(request);
  const reading = await tryReadForm(request, { files: ["file", "photos"], maxBytes: MAX_TABLE_BYTES + MAX_ZIP_BYTES + FORM_MAX_BYTES });
  if (!reading.ok) {
    if (reading.problem === "tooLarge") {
      return data({ result: { status: "error" as const, error: { "": ["owner.import.errors.tooLarge"] } }, plan: null, draft: null, gone: false }, { status: 413 });
    }
    throw badRequest(t, reading.problem);
  }
  const form = reading.form;
  if (form.get("intent") === "confirm") {
    const confirm = parseWithZod(form, { schema: importConfirmSchema });
    if (confirm.status !== "success") throw badRequest(t, "unreadable");
    const outcome = await confirmDraft({ id: confirm.value.draft, digest: confirm.value.digest, storeId: target.store.id, userId: target.userId, asOrganiser: target.asOrganiser, ip: target.ip });
    if (outcome.ok) return redirect(`${target.pagePath}?done=${confirm.value.draft}`);
    const plan: ImportPlan | null = outcome.reason === "changed" ? outcome.plan : null;
    return data({ result: null, plan, draft: null, gone: outcome.reason === "gone" }, { status: 409 });
  }
  const submission = parseWithZod(form, { schema: importUploadSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), plan: null, draft: null, gone: false }, { status: 400 });
  const { file, photos, publish } = submission.value;
  const files = { table: await bytesOf(file), zip: photos && photos.size > 0 ? await bytesOf(photos) : null };
  // A dry run that finds problems is still a successful answer (a report), so 200 either way.
  const { plan, encodings } = await planImport(target.store.id, files);
  const draft = plan.ready ? await saveDraft({ storeId: target.store.id, userId: target.userId, fileName: file.name, files, publish: Boolean(publish), encodings }) : null;
  return data({ result: submission.reply(), plan, draft: draft ? { ...draft, fileName: file.name.slice(0, 200), publish: Boolean(publish) } : null, gone: false });
}
