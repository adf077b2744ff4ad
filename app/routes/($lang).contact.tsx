import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TrustPageView } from "~/components/trust";
import { pageMeta } from "~/modules/catalog/seo";
import { SHARED_PAGE_SECONDS, sharedPageHeaders } from "~/modules/http/shared-pages";
import { trustPageData } from "~/modules/trust/trust.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.meta) : []);

export const headers = () => sharedPageHeaders(SHARED_PAGE_SECONDS.document);

export function loader({ request }: LoaderFunctionArgs) {
  return trustPageData(request, "contact");
}

export default function ContactPage() {
  const data = useLoaderData<typeof loader>();
  return <TrustPageView page={data.page} title={data.title} html={data.html} />;
}
