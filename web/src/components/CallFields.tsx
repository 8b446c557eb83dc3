/** The collaboration call form's fields. */
import { callAudiences } from '#shared/domain/call';
import { engagementModes } from '#shared/domain/expert';
import type { CallDraft } from '../forms/call-draft.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { SelectField, TextArea, TextField } from './controls.tsx';
import { FieldCodesPicker } from './FieldCodesPicker.tsx';

export const callIdPrefix = 'call';
const maxFieldCodes = 10;

export function CallFields({
  draft,
  update,
}: {
  draft: CallDraft;
  update: (change: Partial<CallDraft>) => void;
}) {
  const { t } = useStaffI18n();
  return (
    <>
      <fieldset className="section">
        <legend>{t.demandSectionGeneral}</legend>
        <div className="grid">
          <TextField
            path="title"
            label={t.callTitle}
            value={draft.title}
            onChange={(title) => update({ title })}
            maxLength={200}
            required
            wide
          />
          <SelectField
            path="engagement"
            label={t.engagementMode}
            value={draft.engagement}
            onChange={(engagement) => update({ engagement })}
            placeholder={t.choose}
            options={engagementModes.map((e) => ({ value: e, label: t.engagementName[e] }))}
            required
          />
          <SelectField
            path="audience"
            label={t.audience}
            value={draft.audience}
            onChange={(audience) => update({ audience })}
            options={callAudiences.map((a) => ({ value: a, label: t.audienceName[a] }))}
            required
          />
          <TextField
            path="openUntil"
            label={t.callOpenUntil}
            hint={t.callOpenUntilHint}
            type="date"
            value={draft.openUntil}
            onChange={(openUntil) => update({ openUntil })}
            required
          />
          <TextArea
            path="description"
            label={t.description}
            value={draft.description}
            onChange={(description) => update({ description })}
            maxLength={5000}
            rows={6}
            required
          />
        </div>
      </fieldset>
      <fieldset className="section">
        <legend>{t.sectionExpertise}</legend>
        <FieldCodesPicker
          idPrefix={callIdPrefix}
          path="fieldCodes"
          legend={t.callFieldCodesLegend(maxFieldCodes)}
          hint={t.fieldCodesHint}
          value={draft.fieldCodes}
          onChange={(fieldCodes) => update({ fieldCodes })}
          max={maxFieldCodes}
          required
        />
      </fieldset>
    </>
  );
}
