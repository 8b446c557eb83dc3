/** A profile as a description list: the expert's own view and the HR profile panel. */
import type { ExpertProfile } from '#shared/domain/expert';
import { useI18n } from '../i18n.tsx';
import { useFieldLabel } from '../meta.tsx';
import { countryName, languageName } from '../names.ts';

export function ProfileDetails({ profile, showContacts }: { profile: ExpertProfile; showContacts: boolean }) {
  const { t, lang } = useI18n();
  const fieldLabel = useFieldLabel();
  const { location } = profile;
  const rows: [string, string | undefined][] = [
    [t.fullName, profile.fullName],
    ...(showContacts
      ? ([
          [t.email, profile.email],
          [t.phone, profile.phone],
        ] as [string, string | undefined][])
      : []),
    [t.birthYear, profile.birthYear?.toString()],
    [t.gender, profile.gender && t.genderName[profile.gender]],
    [t.highestDegree, t.degree[profile.highestDegree]],
    [t.academicTitle, profile.academicTitle && t.academicTitleName[profile.academicTitle]],
    [
      t.locationKind,
      [t.locationKindName[location.kind], location.city, countryName(location.country, lang)]
        .filter(Boolean)
        .join(', '),
    ],
    [t.native, profile.nativeOfProvince ? t.yes : t.no],
    [t.hometown, profile.hometown],
    [
      t.employerName,
      [profile.employer?.name, profile.employer?.sector && t.sectorName[profile.employer.sector]]
        .filter(Boolean)
        .join(' — '),
    ],
    [t.yearsExperience, String(profile.yearsExperience)],
    [t.leadershipPost, profile.leadershipPost && t.leadershipPostName[profile.leadershipPost]],
    [
      t.abroadSixMonths,
      profile.abroadSixMonths === undefined ? undefined : profile.abroadSixMonths ? t.yes : t.no,
    ],
    [t.publications, profile.publications?.toString()],
    [t.patents, profile.patents?.toString()],
    [
      t.sectionLanguages,
      profile.languages
        ?.map((l) => `${languageName(l.code, lang)} (${t.languageLevelName[l.level]})`)
        .join(', '),
    ],
    [t.sectionEngagement, profile.engagement.map((e) => t.engagementName[e]).join(', ')],
  ];

  return (
    <dl className="details">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label} className="detail">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      <div className="detail detail-wide">
        <dt>{t.fieldsLegend}</dt>
        <dd>
          <ul className="plain">
            {profile.fields.map((f) => (
              <li key={f.code}>
                {fieldLabel(f.code)}
                {f.specialization ? ` — ${f.specialization}` : ''}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      {profile.bio ? (
        <div className="detail detail-wide">
          <dt>{t.bio}</dt>
          <dd className="bio">{profile.bio}</dd>
        </div>
      ) : null}
    </dl>
  );
}
