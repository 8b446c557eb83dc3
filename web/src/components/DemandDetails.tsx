/** A demand as a description list: for those who may read it but not change it, and above its matches. */
import type { Demand } from '#shared/domain/demand';
import type { Policy } from '#shared/domain/policy';
import { formatDay } from '../format.ts';
import { useFieldLabel, usePlaceNames } from '../meta.tsx';
import { languageName } from '../names.ts';
import { useStaffI18n } from '../staff-i18n.ts';

export function DemandDetails({
  demand,
  policies,
  brief,
}: {
  demand: Demand;
  policies?: readonly Policy[];
  /** Only what decides the matches. */
  brief?: boolean;
}) {
  const { t, lang } = useStaffI18n();
  const fieldLabel = useFieldLabel();
  const names = usePlaceNames();
  const policyName = (id: string) => {
    const policy = policies?.find((p) => p.id === id);
    return policy ? `${policy.code} — ${policy.title}` : id;
  };
  const rows: [string, string][] = [
    [t.colAgency, names.agency(demand.agency)],
    [t.colFields, demand.fieldCodes.map(fieldLabel).join('; ')],
    [t.minDegree, t.degree[demand.minDegree]],
    [t.minYears, String(demand.minYearsExperience)],
    [
      t.sectionLanguages,
      demand.languages
        .map((l) => `${languageName(l.code, lang)} ≥ ${t.languageLevelName[l.minLevel]}`)
        .join(', '),
    ],
    [t.zone, names.zone(demand.zone)],
    [t.engagementMode, t.engagementName[demand.engagement]],
    ...(brief
      ? []
      : ([
          [t.colStatus, t.demandStatusName[demand.status]],
          [t.priority, t.priorityName[demand.priority]],
          [t.headcount, String(demand.headcount)],
          [t.openUntil, demand.openUntil ? formatDay(demand.openUntil, lang) : t.noDeadline],
          [t.linkedPolicies, demand.policyIds.map(policyName).join('; ')],
        ] as [string, string][])),
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
      {!brief && demand.description ? (
        <div className="detail detail-wide">
          <dt>{t.description}</dt>
          <dd className="bio">{demand.description}</dd>
        </div>
      ) : null}
    </dl>
  );
}
