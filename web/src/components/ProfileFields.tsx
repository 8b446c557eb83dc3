/**
 * The profile's fields, shared by the registration form and the self-service edit form (which
 * leaves out e-mail and consent). Controlled: the parent owns the draft.
 */

import type { ReactNode } from 'react';
import {
  academicTitles,
  degrees,
  engagementModes,
  genders,
  leadershipPosts,
  locationKinds,
  sectors,
} from '#shared/domain/expert';
import type { FieldRow, ProfileDraft } from '../forms/profile-draft.ts';
import { localized, useI18n } from '../i18n.tsx';
import { fieldGroups, useMeta } from '../meta.tsx';
import { countryName, foreignCountries, nameOptions } from '../names.ts';
import { FieldMessage, SelectField, TextArea, TextField, useControl, YesNoField } from './controls.tsx';
import { LanguageRows } from './LanguageRows.tsx';
import { RepeatedRows } from './RepeatedRows.tsx';

const maxFields = 5;
const maxLanguages = 10;

export type DraftUpdate = (change: Partial<ProfileDraft>) => void;

interface ProfileFieldsProps {
  draft: ProfileDraft;
  update: DraftUpdate;
  /** Rendered after the full name: the registration form's e-mail. */
  afterName?: ReactNode;
}

export function ProfileFields({ draft, update, afterName }: ProfileFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <fieldset className="section">
        <legend>{t.sectionPersonal}</legend>
        <div className="grid">
          <TextField
            path="fullName"
            label={t.fullName}
            value={draft.fullName}
            onChange={(fullName) => update({ fullName })}
            autoComplete="name"
            maxLength={120}
            required
          />
          {afterName}
          <TextField
            path="phone"
            label={t.phone}
            type="tel"
            value={draft.phone}
            onChange={(phone) => update({ phone })}
            autoComplete="tel"
          />
          <TextField
            path="birthYear"
            label={t.birthYear}
            type="number"
            min={1930}
            max={new Date().getFullYear() - 16}
            value={draft.birthYear}
            onChange={(birthYear) => update({ birthYear })}
          />
          <EnumSelect
            path="gender"
            label={t.gender}
            values={genders}
            names={t.genderName}
            draft={draft}
            update={update}
          />
        </div>
      </fieldset>

      <fieldset className="section">
        <legend>{t.sectionExpertise}</legend>
        <div className="grid">
          <EnumSelect
            path="highestDegree"
            label={t.highestDegree}
            values={degrees}
            names={t.degree}
            draft={draft}
            update={update}
            required
          />
          <EnumSelect
            path="academicTitle"
            label={t.academicTitle}
            values={academicTitles}
            names={t.academicTitleName}
            draft={draft}
            update={update}
          />
        </div>
        <FieldRows rows={draft.fields} onChange={(fields) => update({ fields })} />
      </fieldset>

      <LocationFields draft={draft} update={update} />

      <fieldset className="section">
        <legend>{t.sectionWork}</legend>
        <div className="grid">
          <TextField
            path="employer.name"
            label={t.employerName}
            value={draft.employerName}
            onChange={(employerName) => update({ employerName })}
            autoComplete="organization"
            maxLength={200}
          />
          <SelectField
            path="employer.sector"
            label={t.employerSector}
            value={draft.employerSector}
            onChange={(employerSector) => update({ employerSector })}
            placeholder={t.choose}
            options={sectors.map((s) => ({ value: s, label: t.sectorName[s] }))}
          />
          <SelectField
            path="leadershipPost"
            label={t.leadershipPost}
            value={draft.leadershipPost}
            onChange={(leadershipPost) => update({ leadershipPost })}
            placeholder={t.notSaid}
            options={leadershipPosts.map((p) => ({ value: p, label: t.leadershipPostName[p] }))}
          />
          <SelectField
            path="abroadSixMonths"
            label={t.abroadSixMonths}
            value={draft.abroadSixMonths}
            onChange={(abroadSixMonths) => update({ abroadSixMonths: abroadSixMonths as '' | 'yes' | 'no' })}
            placeholder={t.notSaid}
            options={[
              { value: 'yes', label: t.yes },
              { value: 'no', label: t.no },
            ]}
          />
          <TextField
            path="yearsExperience"
            label={t.yearsExperience}
            type="number"
            min={0}
            max={70}
            value={draft.yearsExperience}
            onChange={(yearsExperience) => update({ yearsExperience })}
            required
          />
          <TextField
            path="publications"
            label={t.publications}
            type="number"
            min={0}
            value={draft.publications}
            onChange={(publications) => update({ publications })}
          />
          <TextField
            path="patents"
            label={t.patents}
            type="number"
            min={0}
            value={draft.patents}
            onChange={(patents) => update({ patents })}
          />
        </div>
      </fieldset>

      <fieldset className="section">
        <legend>{t.sectionLanguages}</legend>
        <LanguageRows
          rows={draft.languages}
          onChange={(languages) => update({ languages })}
          max={maxLanguages}
          levelPath="level"
        />
      </fieldset>

      <fieldset className="section">
        <legend>{t.sectionEngagement}</legend>
        <EngagementChoices value={draft.engagement} onChange={(engagement) => update({ engagement })} />
        <TextArea
          path="bio"
          label={t.bio}
          hint={t.bioHint}
          maxLength={2000}
          value={draft.bio}
          onChange={(bio) => update({ bio })}
        />
      </fieldset>
    </>
  );
}

type EnumKey = 'gender' | 'highestDegree' | 'academicTitle';

function EnumSelect<V extends string>({
  path,
  label,
  values,
  names,
  draft,
  update,
  required,
}: {
  path: EnumKey;
  label: string;
  values: readonly V[];
  names: Record<V, string>;
  draft: ProfileDraft;
  update: DraftUpdate;
  required?: boolean;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      path={path}
      label={label}
      value={draft[path]}
      onChange={(value) => update({ [path]: value })}
      placeholder={t.choose}
      options={values.map((v) => ({ value: v, label: names[v] }))}
      required={required}
    />
  );
}

function FieldRows({ rows, onChange }: { rows: FieldRow[]; onChange: (rows: FieldRow[]) => void }) {
  const { t, lang } = useI18n();
  const meta = useMeta();
  const groups = fieldGroups(meta, lang).map((g) => ({
    label: g.label,
    options: g.fields.map((f) => ({ value: f.code, label: f.label })),
  }));
  return (
    <RepeatedRows
      path="fields"
      legend={
        <>
          {t.fieldsLegend} <span className="marker">{t.required}</span>
        </>
      }
      rows={rows}
      onChange={onChange}
      min={1}
      max={maxFields}
      newRow={() => ({ code: '', specialization: '' })}
      addLabel={t.addField}
      removeLabel={t.removeField}
    >
      {(row, index, setRow) => (
        <>
          <SelectField
            path={`fields.${index}.code`}
            label={t.fieldCode(index + 1)}
            value={row.code}
            onChange={(code) => setRow({ code })}
            placeholder={t.chooseField}
            groups={groups}
            required
          />
          <TextField
            path={`fields.${index}.specialization`}
            label={t.fieldSpecialization(index + 1)}
            value={row.specialization}
            onChange={(specialization) => setRow({ specialization })}
            maxLength={200}
          />
        </>
      )}
    </RepeatedRows>
  );
}

function LocationFields({ draft, update }: { draft: ProfileDraft; update: DraftUpdate }) {
  const { t, lang } = useI18n();
  const meta = useMeta();
  const province = localized(meta.province.name, lang);
  const overseas = draft.locationKind === 'overseas';
  return (
    <fieldset className="section">
      <legend>{t.sectionLocation}</legend>
      <div className="grid">
        <SelectField
          path="location.kind"
          label={t.locationKind}
          value={draft.locationKind}
          onChange={(locationKind) =>
            update({ locationKind, country: locationKind === 'overseas' ? '' : 'VN' })
          }
          placeholder={t.choose}
          options={locationKinds.map((k) => ({ value: k, label: t.locationKindName[k] }))}
          required
        />
        {overseas ? (
          <SelectField
            path="location.country"
            label={t.country}
            value={draft.country}
            onChange={(country) => update({ country })}
            placeholder={t.choose}
            options={nameOptions(foreignCountries, countryName, lang, draft.country)}
            required
          />
        ) : (
          // In Vietnam the country is fixed; shown so the form reads the same in every case.
          <SelectField
            path="location.country"
            label={t.country}
            value="VN"
            onChange={() => undefined}
            options={[{ value: 'VN', label: t.vietnam }]}
            disabled
          />
        )}
        <TextField
          path="location.city"
          label={t.city}
          value={draft.city}
          onChange={(city) => update({ city })}
          autoComplete="address-level2"
          maxLength={100}
        />
      </div>
      <div className="grid">
        <YesNoField
          path="nativeOfProvince"
          legend={t.nativeOfProvince(province)}
          value={draft.nativeOfProvince}
          onChange={(nativeOfProvince) => update({ nativeOfProvince })}
          required
        />
        <TextField
          path="hometown"
          label={t.hometown}
          value={draft.hometown}
          onChange={(hometown) => update({ hometown })}
          maxLength={100}
        />
      </div>
    </fieldset>
  );
}

function EngagementChoices({
  value,
  onChange,
}: {
  value: ProfileDraft['engagement'];
  onChange: (value: ProfileDraft['engagement']) => void;
}) {
  const { t } = useI18n();
  const control = useControl('engagement');
  const toggle = (mode: (typeof engagementModes)[number], checked: boolean) =>
    onChange(checked ? [...value, mode] : value.filter((m) => m !== mode));
  return (
    <fieldset className="field choice-group" aria-describedby={control.aria['aria-describedby']}>
      <legend>
        {t.engagementLegend} <span className="marker">{t.required}</span>
      </legend>
      <div className="choices">
        {engagementModes.map((mode) => (
          <label key={mode} className="choice" htmlFor={`${control.id}-${mode}`}>
            <input
              type="checkbox"
              id={`${control.id}-${mode}`}
              checked={value.includes(mode)}
              onChange={(e) => toggle(mode, e.target.checked)}
              aria-invalid={control.error ? true : undefined}
              aria-describedby={control.error ? control.errorId : undefined}
            />
            {t.engagementName[mode]}
          </label>
        ))}
      </div>
      <FieldMessage path="engagement" />
    </fieldset>
  );
}
