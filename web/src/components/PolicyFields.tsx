/** The policy form's fields: identity, benefits in VND, eligibility and validity. */
import { degrees } from '#shared/domain/expert';
import { benefitKinds } from '#shared/domain/policy';
import { formatVnd } from '../format.ts';
import type { BenefitRow, PolicyDraft } from '../forms/policy-draft.ts';
import { localized } from '../i18n.tsx';
import { useMeta } from '../meta.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { CheckboxField, CheckboxGroup, SelectField, TextArea, TextField } from './controls.tsx';
import { FieldCodesPicker } from './FieldCodesPicker.tsx';
import { RepeatedRows } from './RepeatedRows.tsx';

export const policyIdPrefix = 'policy';
const maxBenefits = 20;
const maxEligibleFields = 20;

export function PolicyFields({
  draft,
  update,
}: {
  draft: PolicyDraft;
  update: (change: Partial<PolicyDraft>) => void;
}) {
  const { t, lang } = useStaffI18n();
  const meta = useMeta();
  return (
    <>
      <fieldset className="section">
        <legend>{t.demandSectionGeneral}</legend>
        <div className="grid">
          <TextField
            path="code"
            label={t.policyCode}
            value={draft.code}
            onChange={(code) => update({ code })}
            maxLength={40}
            required
          />
          <TextField
            path="title"
            label={t.policyTitle}
            value={draft.title}
            onChange={(title) => update({ title })}
            maxLength={300}
            required
            wide
          />
          <TextArea
            path="legalBasis"
            label={t.legalBasis}
            value={draft.legalBasis}
            onChange={(legalBasis) => update({ legalBasis })}
            maxLength={500}
            rows={2}
            required
          />
          <TextField
            path="validFrom"
            label={t.validFrom}
            type="date"
            value={draft.validFrom}
            onChange={(validFrom) => update({ validFrom })}
            required
          />
          <TextField
            path="validTo"
            label={t.validTo}
            hint={t.validToHint}
            type="date"
            value={draft.validTo}
            onChange={(validTo) => update({ validTo })}
          />
          <CheckboxField
            path="active"
            label={t.policyActive}
            checked={draft.active}
            onChange={(active) => update({ active })}
          />
        </div>
      </fieldset>

      <fieldset className="section">
        <legend>{t.benefits}</legend>
        <BenefitRows rows={draft.benefits} onChange={(benefits) => update({ benefits })} />
      </fieldset>

      <fieldset className="section">
        <legend>{t.eligibilityLegend}</legend>
        <div className="grid">
          <SelectField
            path="eligibility.minDegree"
            label={t.minDegree}
            value={draft.minDegree}
            onChange={(minDegree) => update({ minDegree })}
            placeholder={t.any}
            options={degrees.map((d) => ({ value: d, label: t.degree[d] }))}
          />
          <CheckboxField
            path="eligibility.nativesOnly"
            label={t.nativesOnly}
            checked={draft.nativesOnly}
            onChange={(nativesOnly) => update({ nativesOnly })}
          />
        </div>
        <CheckboxGroup
          path="eligibility.zones"
          legend={t.eligibilityZones}
          options={meta.province.zones.map((z) => ({ value: z.id, label: localized(z, lang) }))}
          value={draft.zones}
          onChange={(zones) => update({ zones })}
        />
        <FieldCodesPicker
          idPrefix={policyIdPrefix}
          path="eligibility.fieldCodes"
          legend={t.eligibilityFields(maxEligibleFields)}
          value={draft.fieldCodes}
          onChange={(fieldCodes) => update({ fieldCodes })}
          max={maxEligibleFields}
        />
      </fieldset>
    </>
  );
}

function BenefitRows({ rows, onChange }: { rows: BenefitRow[]; onChange: (rows: BenefitRow[]) => void }) {
  const { t } = useStaffI18n();
  return (
    <RepeatedRows
      path="benefits"
      legend={
        <>
          {t.benefitsLegend} <span className="marker">{t.required}</span>
        </>
      }
      rows={rows}
      onChange={onChange}
      min={1}
      max={maxBenefits}
      newRow={() => ({ kind: '', amountVnd: '', description: '' })}
      addLabel={t.addBenefit}
      removeLabel={t.removeBenefit}
      rowClassName="row benefit-row"
    >
      {(row, index, setRow) => {
        const digits = row.amountVnd.replace(/[\s.,_]/g, '');
        return (
          <>
            <SelectField
              path={`benefits.${index}.kind`}
              label={t.benefitKind(index + 1)}
              value={row.kind}
              onChange={(kind) => setRow({ kind })}
              placeholder={t.choose}
              options={benefitKinds.map((k) => ({ value: k, label: t.benefitKindName[k] }))}
              required
            />
            <TextField
              path={`benefits.${index}.amountVnd`}
              label={t.benefitAmount(index + 1)}
              preview={/^\d+$/.test(digits) ? formatVnd(Number(digits)) : ''}
              inputMode="numeric"
              value={row.amountVnd}
              onChange={(amountVnd) => setRow({ amountVnd })}
              required
            />
            <TextField
              path={`benefits.${index}.description`}
              label={t.benefitDescription(index + 1)}
              value={row.description}
              onChange={(description) => setRow({ description })}
              maxLength={1000}
            />
          </>
        );
      }}
    </RepeatedRows>
  );
}
