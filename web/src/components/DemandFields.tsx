/** The demand form's fields, for creating and for editing. Controlled: the parent owns the draft. */

import { demandPriorities, demandStatuses } from '#shared/domain/demand';
import { degrees, engagementModes } from '#shared/domain/expert';
import type { Policy } from '#shared/domain/policy';
import type { DemandDraft } from '../forms/demand-draft.ts';
import { localized } from '../i18n.tsx';
import { useMeta } from '../meta.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { SelectField, TextArea, TextField } from './controls.tsx';
import { FieldCodesPicker } from './FieldCodesPicker.tsx';
import { LanguageRows } from './LanguageRows.tsx';
import { PolicyChoices } from './PolicyChoices.tsx';

export const demandIdPrefix = 'demand';
const maxFieldCodes = 5;
const maxLanguages = 5;

export function DemandFields({
  draft,
  update,
  policies,
}: {
  draft: DemandDraft;
  update: (change: Partial<DemandDraft>) => void;
  policies: readonly Policy[];
}) {
  const { t, lang } = useStaffI18n();
  const meta = useMeta();
  return (
    <>
      <fieldset className="section">
        <legend>{t.demandSectionGeneral}</legend>
        <div className="grid">
          <TextField
            path="title"
            label={t.demandTitle}
            value={draft.title}
            onChange={(title) => update({ title })}
            maxLength={200}
            required
            wide
          />
          <SelectField
            path="status"
            label={t.colStatus}
            value={draft.status}
            onChange={(status) => update({ status })}
            options={demandStatuses.map((s) => ({ value: s, label: t.demandStatusName[s] }))}
            required
          />
          <SelectField
            path="priority"
            label={t.priority}
            value={draft.priority}
            onChange={(priority) => update({ priority })}
            options={demandPriorities.map((p) => ({ value: p, label: t.priorityName[p] }))}
          />
          <TextArea
            path="description"
            label={t.description}
            value={draft.description}
            onChange={(description) => update({ description })}
            maxLength={4000}
          />
        </div>
      </fieldset>

      <fieldset className="section">
        <legend>{t.sectionExpertise}</legend>
        <FieldCodesPicker
          idPrefix={demandIdPrefix}
          path="fieldCodes"
          legend={t.fieldCodesLegend(maxFieldCodes)}
          hint={t.fieldCodesHint}
          value={draft.fieldCodes}
          onChange={(fieldCodes) => update({ fieldCodes })}
          max={maxFieldCodes}
          required
        />
        <div className="grid">
          <SelectField
            path="minDegree"
            label={t.minDegree}
            value={draft.minDegree}
            onChange={(minDegree) => update({ minDegree })}
            placeholder={t.choose}
            options={degrees.map((d) => ({ value: d, label: t.degree[d] }))}
            required
          />
          <TextField
            path="minYearsExperience"
            label={t.minYears}
            type="number"
            min={0}
            max={50}
            value={draft.minYearsExperience}
            onChange={(minYearsExperience) => update({ minYearsExperience })}
          />
        </div>
        <LanguageRows
          rows={draft.languages}
          onChange={(languages) => update({ languages })}
          max={maxLanguages}
          levelPath="minLevel"
          legend={t.demandLanguagesLegend}
        />
      </fieldset>

      <fieldset className="section">
        <legend>{t.sectionEngagement}</legend>
        <div className="grid">
          <SelectField
            path="zone"
            label={t.zone}
            value={draft.zone}
            onChange={(zone) => update({ zone })}
            placeholder={t.choose}
            options={meta.province.zones.map((z) => ({ value: z.id, label: localized(z, lang) }))}
            required
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
          <TextField
            path="headcount"
            label={t.headcount}
            type="number"
            min={1}
            max={1000}
            value={draft.headcount}
            onChange={(headcount) => update({ headcount })}
          />
          <TextField
            path="openUntil"
            label={t.openUntil}
            type="date"
            value={draft.openUntil}
            onChange={(openUntil) => update({ openUntil })}
          />
        </div>
        <PolicyChoices
          path="policyIds"
          legend={t.linkedPolicies}
          policies={policies}
          value={draft.policyIds}
          onChange={(policyIds) => update({ policyIds })}
        />
      </fieldset>
    </>
  );
}
