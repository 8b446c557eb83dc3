/**
 * Policies of the catalogue as checkboxes: a demand's linked policies, an offer's package. Each
 * shows its benefits; a policy the server refused for this offer shows why, under its own box.
 */
import { type Policy, policyStanding } from '#shared/domain/policy';
import { formatVnd, provinceDayOf } from '../format.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { FieldMessage, useControl } from './controls.tsx';

export function PolicyChoices({
  path,
  legend,
  hint,
  policies,
  value,
  onChange,
  problems = {},
}: {
  path: string;
  legend: string;
  hint?: string;
  policies: readonly Policy[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** Policy id → why it cannot be part of this offer (policy_not_applicable). */
  problems?: Record<string, string[]>;
}) {
  const { t } = useStaffI18n();
  const control = useControl(path, { hasHint: Boolean(hint) });
  // Policies out of force are not offered again, but one already chosen stays visible.
  const shown = policies.filter((p) => p.active || value.includes(p.id));
  const today = provinceDayOf(new Date().toISOString());
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  const describedBy = [control.hintId, control.error ? control.errorId : undefined].filter(Boolean).join(' ');
  return (
    <fieldset className="field choice-group" aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={control.hintId}>
          {hint}
        </p>
      ) : null}
      <FieldMessage path={path} />
      {shown.length === 0 ? <p className="hint">{t.noPolicies}</p> : null}
      <div className="choices">
        {shown.map((policy) => {
          const id = `${control.id}-${policy.id}`;
          const policyProblems = problems[policy.id] ?? [];
          return (
            <div key={policy.id} className="field policy-choice">
              <label className="choice" htmlFor={id}>
                <input
                  type="checkbox"
                  id={id}
                  checked={value.includes(policy.id)}
                  onChange={(e) => toggle(policy.id, e.target.checked)}
                  aria-invalid={policyProblems.length > 0 || undefined}
                  aria-describedby={policyProblems.length > 0 ? `${id}-problems` : undefined}
                />
                <span>
                  <strong>{policy.code}</strong> — {policy.title}
                  {policyStanding(policy, today) === 'in_force'
                    ? null
                    : ` (${t.policyStanding[policyStanding(policy, today)]})`}
                  <span className="choice-hint">
                    {policy.benefits
                      .map((b) => `${t.benefitKindName[b.kind]}: ${formatVnd(b.amountVnd)}`)
                      .join('; ')}
                  </span>
                </span>
              </label>
              {policyProblems.length > 0 ? (
                <div id={`${id}-problems`}>
                  {policyProblems.map((problem) => (
                    <p key={problem} className="field-error">
                      {problem}
                    </p>
                  ))}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
