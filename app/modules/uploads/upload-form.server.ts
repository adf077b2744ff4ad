/**
 * Reading one uploaded image from a multipart form, for the forms that take
 * a photo (a product's photos, a festival's banner). The body is refused
 * before it is read when larger than one image and a few small fields; each
 * problem is a reason the form shows next to its file field.
 */
import { tryReadForm } from "../http/form.server";
import { MAX_UPLOAD_BYTES, type ImageError } from "./images.server";

export async function readImageUpload(request: Request, field = "image"): Promise<{ file: File; form: FormData } | { file: null; error: ImageError }> {
  const reading = await tryReadForm(request, { files: [field], maxBytes: MAX_UPLOAD_BYTES + 64 * 1024 });
  // Too big, or (broken multipart, two photos, odd fields) not readable.
  if (!reading.ok) return { file: null, error: reading.problem === "tooLarge" ? "tooBig" : "corrupt" };
  const file = reading.form.get(field);
  if (!(file instanceof File) || file.size === 0) return { file: null, error: "missing" };
  if (file.size > MAX_UPLOAD_BYTES) return { file: null, error: "tooBig" };
  return { file, form: reading.form };
}
