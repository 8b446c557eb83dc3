/** What anyone may read of an open call: fields, engagement, audience, deadline. */
import type { PublicCall } from '#shared/domain/call';
import { formatDay, provinceDayOf } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { useFieldLabel } from '../meta.tsx';

export function CallFacts({ call }: { call: PublicCall }) {
  const { t, lang } = useI18n();
  const fieldLabel = useFieldLabel();
  return (
    <ul className="facts">
      <li>
        <strong>{t.callDeadline(formatDay(provinceDayOf(call.openUntil), lang))}</strong>
      </li>
      <li>{t.engagementName[call.engagement]}</li>
      <li>{t.audienceName[call.audience]}</li>
      <li>{call.fieldCodes.map(fieldLabel).join('; ')}</li>
    </ul>
  );
}
