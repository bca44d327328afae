// The three parts a person may share with a practitioner, as ticks: nothing
// unless ticked. Used where an invitation is accepted (the sharing page) and
// where an account is made with one (the sign-up form).
import { PARTS } from '../care';
import type { Sharing } from '../types';
import { FieldError, type FieldErrors } from '../util';

export const NOTHING_SHARED: Required<Sharing> = { journal: false, sessions: false, screening: false };

export function ShareChoices({
  who,
  share,
  onChange,
  errors,
}: {
  /** The practitioner's name, or a phrase for them when not known yet. */
  who: string;
  share: Required<Sharing>;
  onChange: (share: Required<Sharing>) => void;
  errors: FieldErrors;
}) {
  return (
    <fieldset>
      <legend>What {who} may see</legend>
      <p class="hint">Nothing is shared unless you tick it. You can change it or stop at any time.</p>
      <div class="checks">
        {PARTS.map((p) => (
          <label key={p.id} class="check">
            <input
              type="checkbox"
              name={`share-${p.id}`}
              checked={share[p.id]}
              onChange={(e) => onChange({ ...share, [p.id]: e.currentTarget.checked })}
            />
            <span>{p.says}</span>
          </label>
        ))}
      </div>
      <FieldError errors={errors} field="share" />
    </fieldset>
  );
}
