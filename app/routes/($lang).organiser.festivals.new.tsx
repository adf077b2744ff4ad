import { parseWithZod } from "@conform-to/zod";
import { AreaHead } from "~/components/area-head";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FestivalForm } from "~/components/festival-form";
import { requestMeta, requireOrganiser } from "~/modules/auth/guards.server";
import { now } from "~/modules/clock/now.server";
import { saveFestival } from "~/modules/festivals/admin.server";
import { festivalSchema } from "~/modules/festivals/schemas";
import { zoneGroups } from "~/modules/festivals/zones";
import { localizePath } from "~/modules/i18n/config";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { lang, t } = requestContext(request);
  return { title: `${t("festivals.form.newTitle")} · ${t("site.name")}`, zones: zoneGroups(lang, now()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const { lang, t } = requestContext(request);
  const submission = parseWithZod(await readForm(request, t), { schema: festivalSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const saved = await saveFestival(submission.value, { userId: user.id, ip: requestMeta(request, context).ip, now: new Date(now()) });
  if (!saved.ok) {
    return data({ result: submission.reply({ fieldErrors: { slug: ["festivals.errors.slugTaken"] } }) }, { status: 400 });
  }
  return redirect(`${localizePath(`/organiser/festivals/${submission.value.slug}/edit`, lang)}?saved=created`);
}

export default function NewFestival() {
  const { zones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container stack">
      <AreaHead back={{ to: localize("/organiser"), label: t("festivals.organiser.title") }} title={t("festivals.form.newTitle")}>
        <p>{t("festivals.form.newIntro")}</p>
      </AreaHead>
      <FestivalForm id="festival-new" defaultValue={{ timeZone: "Africa/Lagos", targetOrders: "0", targetUnits: "0", targetGmv: "0", subsidyBudget: "0" }} lastResult={actionData?.result} submitLabel={t("festivals.form.create")} zones={zones} allLanguages={false} />
    </div>
  );
}
