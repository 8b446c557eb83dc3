import { type Policy, type PolicyStanding, policyStanding } from '#shared/domain/policy';
import { provinceDayOf } from '../format.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { StatusTag } from './StatusTag.tsx';

const tagStatus: Record<PolicyStanding, string> = {
  in_force: 'active',
  upcoming: 'draft',
  ended: 'expired',
  inactive: 'inactive',
};

/** Whether a policy is in force today in the province, not yet, no longer, or switched off. */
export function PolicyStandingTag({ policy }: { policy: Pick<Policy, 'active' | 'validFrom' | 'validTo'> }) {
  const { t } = useStaffI18n();
  const standing = policyStanding(policy, provinceDayOf(new Date().toISOString()));
  return <StatusTag status={tagStatus[standing]} label={t.policyStanding[standing]} />;
}
