/**
 * One schema per form, used by the browser (instant feedback) and the action
 * (the real check). Messages are i18n keys under "auth.errors.".
 */
import { z } from "zod";
import { LANGS } from "../i18n/config";
import { normalisedText } from "../text/normalise";
import { isCommonPassword } from "./common-passwords";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const email = z
  .string({ required_error: "auth.errors.emailRequired" })
  .trim()
  .toLowerCase()
  .max(254, "auth.errors.emailInvalid")
  .email("auth.errors.emailInvalid");

const newPassword = z
  .string({ required_error: "auth.errors.passwordRequired" })
  .min(PASSWORD_MIN, "auth.errors.passwordTooShort")
  .max(PASSWORD_MAX, "auth.errors.passwordTooLong")
  .refine((p) => !isCommonPassword(p), "auth.errors.passwordCommon");

/** Honeypot: a field people never see, so never fill. */
const honeypot = z.string().max(0, "auth.errors.honeypot").optional();

export const loginSchema = z.object({
  email,
  password: z.string({ required_error: "auth.errors.passwordRequired" }).max(PASSWORD_MAX, "auth.errors.passwordTooLong"),
  redirectTo: z.string().optional(),
  website: honeypot,
});

export const signupSchema = z.object({
  name: normalisedText("line", { required: "auth.errors.nameRequired", min: [2, "auth.errors.nameTooShort"], max: [80, "auth.errors.nameTooLong"] }),
  email,
  password: newPassword,
  preferredLang: z.enum(LANGS, { errorMap: () => ({ message: "auth.errors.langInvalid" }) }),
  redirectTo: z.string().optional(),
  website: honeypot,
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ required_error: "auth.errors.passwordRequired" }).max(PASSWORD_MAX, "auth.errors.passwordTooLong"),
    newPassword,
    confirmPassword: z.string({ required_error: "auth.errors.passwordRequired" }),
    redirectTo: z.string().optional(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "auth.errors.passwordMismatch" });
