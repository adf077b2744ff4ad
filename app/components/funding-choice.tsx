/**
 * Who funds an approved deal's discount: the store (default), the organiser,
 * or shared at the organiser's percentage. Plain radios and a number field, so
 * the review forms keep working without JavaScript; the server's schema
 * (festivals/schemas.ts) decides what is valid.
 */
import { useTranslation } from "react-i18next";
import { FUNDERS } from "~/modules/pricing/funding";
import { ErrorList } from "./forms";

export function FundingChoice({
  idPrefix,
  errorId,
  errors,
  detail,
  hint,
}: {
  idPrefix: string;
  errorId: string;
  errors?: string[];
  /** The amounts behind a refusal past the budget, already translated. */
  detail?: string | null;
  hint?: string;
}) {
  const { t } = useTranslation();
  const invalid = Boolean(errors?.length);
  return (
    <fieldset className={`funding-choice${invalid ? " field--invalid" : ""}`} data-funding-choice="">
      <legend>{t("festivals.funding.who")}</legend>
      <div className="funding-choice__options">
        {FUNDERS.map((funder) => (
          <label key={funder} className="funding-choice__option">
            <input type="radio" name="funder" value={funder} defaultChecked={funder === "store"} /> {t(`festivals.funding.funder.${funder}`)}
          </label>
        ))}
        <span className="funding-choice__share">
          <label htmlFor={`share-${idPrefix}`}>{t("festivals.funding.share")}</label>{" "}
          <input
            id={`share-${idPrefix}`}
            name="share"
            type="number"
            inputMode="numeric"
            min={1}
            max={99}
            step={1}
            size={3}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? errorId : undefined}
          />{" "}
          %
        </span>
      </div>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <ErrorList id={errorId} errors={errors} />
      {detail ? (
        <p className="field-errors" role="alert" data-budget-detail="">
          {detail}
        </p>
      ) : null}
    </fieldset>
  );
}
