/**
 * The bulk import page (owner's and organiser's): templates, the column
 * guide, the upload for a dry run, the dry run's rows with their problems,
 * and the confirmation. Every step is a plain form post, so it works without
 * JavaScript; Conform adds instant checks where it runs.
 */
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { LANGS, LANG_NAMES, localizePath, type Lang } from "~/modules/i18n/config";
import { useLang, useLocalizedPath } from "~/modules/i18n/hooks";
import { BASE_COLUMNS, TEXT_FIELDS } from "~/modules/owner/import/columns";
import { importConfirmSchema, importUploadSchema } from "~/modules/owner/import/schemas";

interface Problem {
  row: number;
  column: string | null;
  letter: string | null;
  key: string;
  values?: Record<string, string | number>;
}

interface Plan {
  fileProblems: Problem[];
  rows: { row: number; sku: string; name: string; action: "create" | "update" | "unchanged" | "error"; changes: string[]; problems: Problem[] }[];
  counts: { created: number; updated: number; unchanged: number; errors: number };
  ready: boolean;
}

export interface ImportPageProps {
  storeName: string;
  storeSlug: string;
  asOrganiser: boolean;
  categories: { slug: string; name: string }[];
  limits: { rows: number; tableMb: number; zipMb: number };
  done: { counts: { created: number; updated: number; unchanged: number }; fileName: string } | null;
  actionData?: {
    result: SubmissionResult<string[]> | null;
    plan: Plan | null;
    draft: { id: string; digest: string; fileName: string; publish: boolean } | null;
    gone: boolean;
  };
  busy: boolean;
}

function ProblemText({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const where =
    problem.row === 0
      ? t("owner.import.wholeFile")
      : problem.letter
        ? t("owner.import.at", { row: problem.row, letter: problem.letter, column: problem.column ?? "" })
        : t("owner.import.atRow", { row: problem.row });
  const message = t(problem.key, { ...problem.values });
  return (
    <>
      <span className="import-problem__where">{where}</span>{" "}
      {problem.values?.name ? <bdi>{problem.values.name}</bdi> : null}
      {problem.values?.name ? ": " : null}
      {message}
    </>
  );
}

function UploadForm({ result, limits, busy }: { result: SubmissionResult<string[]> | null | undefined; limits: ImportPageProps["limits"]; busy: boolean }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "product-import",
    lastResult: result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: importUploadSchema }),
  });
  return (
    <Form method="post" encType="multipart/form-data" className="form-card import-upload" {...getFormProps(form)}>
      <ErrorList id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="dryRun" />
      <div className={`field${fields.file.errors?.length ? " field--invalid" : ""}`}>
        <label htmlFor={fields.file.id}>{t("owner.import.file")}</label>
        <input {...getInputProps(fields.file, { type: "file", ariaAttributes: true })} key={fields.file.key} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        <p className="field-hint">{t("owner.import.fileHint", { mb: limits.tableMb, rows: limits.rows })}</p>
        <ErrorList id={fields.file.errorId} errors={fields.file.errors} />
      </div>
      <div className={`field${fields.photos.errors?.length ? " field--invalid" : ""}`}>
        <label htmlFor={fields.photos.id}>{t("owner.import.photos")}</label>
        <input {...getInputProps(fields.photos, { type: "file", ariaAttributes: true })} key={fields.photos.key} accept=".zip,application/zip" />
        <p className="field-hint">{t("owner.import.photosHint", { mb: limits.zipMb })}</p>
        <ErrorList id={fields.photos.errorId} errors={fields.photos.errors} />
      </div>
      <div className="field field--check">
        <label>
          <input {...getInputProps(fields.publish, { type: "checkbox" })} key={fields.publish.key} /> {t("owner.import.publish")}
        </label>
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t("owner.import.dryRun")}
      </button>
    </Form>
  );
}

function ConfirmForm({ draft, total, busy }: { draft: NonNullable<NonNullable<ImportPageProps["actionData"]>["draft"]>; total: number; busy: boolean }) {
  const { t } = useTranslation();
  const [form] = useForm({ id: "product-import-confirm", onValidate: ({ formData }) => parseWithZod(formData, { schema: importConfirmSchema }) });
  return (
    <Form method="post" encType="multipart/form-data" className="import-confirm" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="confirm" />
      <input type="hidden" name="draft" value={draft.id} />
      <input type="hidden" name="digest" value={draft.digest} />
      <p>{t(draft.publish ? "owner.import.confirmPublish" : "owner.import.confirmDraft", { count: total })}</p>
      <button type="submit" className="button" disabled={busy}>
        {t("owner.import.confirm", { count: total })}
      </button>
    </Form>
  );
}

function DryRun({ plan, draft, busy }: { plan: Plan; draft: NonNullable<ImportPageProps["actionData"]>["draft"]; busy: boolean }) {
  const { t } = useTranslation();
  const { counts } = plan;
  return (
    <section className="stack import-result" aria-labelledby="import-result-title" data-ready={plan.ready ? "yes" : "no"}>
      <h2 id="import-result-title">{t("owner.import.resultTitle")}</h2>
      {plan.fileProblems.length ? (
        <div className="notice notice--error" role="alert">
          <p>{t("owner.import.fileRefused")}</p>
          <ul className="import-problems">
            {plan.fileProblems.map((p, i) => (
              <li key={i} data-row={p.row} data-column={p.column ?? ""}>
                <ProblemText problem={p} />
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p className={plan.ready ? "notice notice--success" : "notice notice--error"} role={plan.ready ? "status" : "alert"} data-testid="import-summary">
            {t("owner.import.summary", { created: counts.created, updated: counts.updated, unchanged: counts.unchanged })}{" "}
            {counts.errors ? t("owner.import.summaryErrors", { count: counts.errors }) : t("owner.import.nothingWritten")}
          </p>
          <TableScroll label={t("owner.import.resultTitle")}>
            <table className="data-table import-rows">
              <thead>
                <tr>
                  <th scope="col">{t("owner.import.row")}</th>
                  <th scope="col">SKU</th>
                  <th scope="col">{t("owner.import.name")}</th>
                  <th scope="col">{t("owner.import.action")}</th>
                  <th scope="col">{t("owner.import.details")}</th>
                </tr>
              </thead>
              <tbody>
                {plan.rows.map((r) => (
                  <tr key={r.row} data-row={r.row} data-action={r.action}>
                    <td>{r.row}</td>
                    <td>
                      <bdi>{r.sku}</bdi>
                    </td>
                    <td>
                      <bdi>{r.name}</bdi>
                    </td>
                    <td>
                      <span className={`state-pill state-pill--import-${r.action}`}>{t(`owner.import.actions.${r.action}`)}</span>
                    </td>
                    <td>
                      {r.problems.length ? (
                        <ul className="import-problems">
                          {r.problems.map((p, i) => (
                            <li key={i} data-column={p.column ?? ""}>
                              <ProblemText problem={p} />
                            </li>
                          ))}
                        </ul>
                      ) : r.changes.length ? (
                        <span>{t("owner.import.changes", { columns: r.changes.join(", ") })}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      {draft ? <ConfirmForm draft={draft} total={counts.created + counts.updated + counts.unchanged} busy={busy} /> : <p>{t("owner.import.fixAndRetry")}</p>}
    </section>
  );
}

function Downloads() {
  const { t } = useTranslation();
  const current = useLang();
  const href = (file: string, lang: Lang) => localizePath(`/dashboard/import-files/${file}`, lang);
  return (
    <section className="stack import-downloads" aria-labelledby="import-downloads-title">
      <h2 id="import-downloads-title">{t("owner.import.downloads")}</h2>
      <p>
        <a className="button button--ghost" href={href("template.csv", current)} download={`products-template-${current}.csv`}>
          {t("owner.import.template")}
        </a>{" "}
        <a className="button button--ghost" href={href("example.csv", current)} download={`products-example-${current}.csv`}>
          {t("owner.import.example")}
        </a>
      </p>
      <p className="field-hint">
        {t("owner.import.otherLanguages")}{" "}
        {LANGS.filter((l) => l !== current).map((l, i) => (
          <span key={l}>
            {i ? " · " : null}
            <span lang={l}>{LANG_NAMES[l]}</span>: <a href={href("template.csv", l)} download={`products-template-${l}.csv`}>{t("owner.import.templateShort")}</a>
            {", "}
            <a href={href("example.csv", l)} download={`products-example-${l}.csv`}>{t("owner.import.exampleShort")}</a>
          </span>
        ))}
      </p>
    </section>
  );
}

function ColumnGuide({ categories }: { categories: ImportPageProps["categories"] }) {
  const { t } = useTranslation();
  return (
    <details className="import-guide">
      <summary>{t("owner.import.guide")}</summary>
      <p>{t("owner.import.guideIntro")}</p>
      <dl>
        {BASE_COLUMNS.map((c) => (
          <div key={c}>
            <dt>
              <code>{c}</code>
            </dt>
            <dd>{t(`owner.import.columns.${c}`)}</dd>
          </div>
        ))}
        {TEXT_FIELDS.map((f) => (
          <div key={f}>
            <dt>
              <code>{f}_en</code>, <code>{f}_fr</code>…
            </dt>
            <dd>{t(`owner.import.columns.${f}`, { langs: LANGS.join(", ") })}</dd>
          </div>
        ))}
      </dl>
      <p>{t("owner.import.categoriesIntro")}</p>
      <ul className="import-categories">
        {categories.map((c) => (
          <li key={c.slug}>
            <code>{c.slug}</code> · {c.name}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function ImportPage(props: ImportPageProps) {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const { actionData, done } = props;
  return (
    <div className="container stack import-page">
      <nav className="breadcrumb" aria-label={t("nav.breadcrumb")}>
        {props.asOrganiser ? <Link to={localize("/organiser/stores")}>{t("owner.review.title")}</Link> : <Link to={localize("/dashboard")}>{t("owner.dashboard.title")}</Link>} › {props.storeName}
      </nav>
      <header className="page-head">
        <h1>{t("owner.import.title")}</h1>
        <p>{t(props.asOrganiser ? "owner.import.introOrganiser" : "owner.import.intro", { store: props.storeName })}</p>
      </header>
      {done ? (
        <section className="notice notice--success stack" role="status" data-testid="import-done">
          <h2>{t("owner.import.doneTitle")}</h2>
          <p>{t("owner.import.doneText", { created: done.counts.created, updated: done.counts.updated, unchanged: done.counts.unchanged, file: done.fileName })}</p>
          <p>
            <Link to={localize(`/stores/${props.storeSlug}`)}>{t("owner.import.viewStore")}</Link>
          </p>
        </section>
      ) : null}
      {actionData?.gone ? (
        <p className="notice notice--error" role="alert">
          {t("owner.import.gone")}
        </p>
      ) : null}
      {actionData?.plan ? <DryRun plan={actionData.plan} draft={actionData.draft} busy={props.busy} /> : null}
      <Downloads />
      <ColumnGuide categories={props.categories} />
      <section className="stack" aria-labelledby="import-upload-title">
        <h2 id="import-upload-title">{actionData?.plan ? t("owner.import.uploadAgain") : t("owner.import.upload")}</h2>
        <UploadForm result={actionData?.result} limits={props.limits} busy={props.busy} />
      </section>
    </div>
  );
}
