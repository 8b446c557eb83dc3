/**
 * Why a match scored what it did: one row per factor with its translated name, the points it
 * earned out of its maximum (with a bar), and what it is for, in the reader's language.
 */
import { callMatchWeights } from '#shared/domain/call-matching';
import { type MatchReason, maxPoints } from '#shared/domain/matching';
import { useI18n } from '../i18n.tsx';
import { useReasonText } from '../reason-text.ts';

/** A demand match earns field_exact or field_group: both bars are out of the field factor's maximum. */
export const demandFactorMax = (factor: string): number =>
  factor === 'field_group' ? maxPoints.field_exact : (maxPoints[factor as keyof typeof maxPoints] ?? 0);

const callWeights: Record<string, number> = {
  field_exact: callMatchWeights.fieldExact,
  field_group: callMatchWeights.fieldGroup,
  engagement: callMatchWeights.engagement,
};

/** A call match's factors and their weights (call-matching.ts). */
export const callFactorMax = (factor: string): number => callWeights[factor] ?? 0;

export function ReasonsBreakdown({
  reasons,
  maxPoints,
  caption,
}: {
  reasons: readonly MatchReason[];
  /** The most a factor can earn, for the bar. */
  maxPoints: (factor: string) => number;
  caption: string;
}) {
  const { t } = useI18n();
  const reasonText = useReasonText();
  return (
    <table className="reasons">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colFactor}</th>
          <th scope="col">{t.colPoints}</th>
          <th scope="col">{t.colDetail}</th>
        </tr>
      </thead>
      <tbody>
        {reasons.map((reason) => {
          const max = Math.max(maxPoints(reason.factor), reason.points, 1);
          return (
            <tr key={reason.factor}>
              <th scope="row">{t.factorName[reason.factor] ?? reason.factor}</th>
              <td className="points">
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${(100 * reason.points) / max}%` }} />
                </span>
                <span>
                  {reason.points}/{max}
                </span>
              </td>
              <td>{reasonText(reason)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
