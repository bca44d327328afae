// The finder's search form: the place (required), how far (10 to 250 km) and
// which treatment (any, or one that practitioners give, grouped by who gives
// it). It searches by calling `search`; the page keeps the search in its
// address. A refusal of the server is shown next to the field it names.
import { useEffect, useState } from 'preact/hooks';
import type { TreatmentModality } from '../types';
import { FieldError, OtherErrors, type FieldErrors } from '../util';

/** The distances offered, in kilometres. */
export const DISTANCES = [10, 25, 50, 100, 250];

const KIND_WORDS: Record<NonNullable<TreatmentModality['practitioner_kind']>, string> = {
  medical: 'Doctors',
  clinician: 'Clinicians who examine first',
  'manual-therapy': 'Manual therapy',
  massage: 'Massage',
};

export interface FinderSearch {
  near: string;
  within: number;
  modality: string;
}

/** The form, showing `current` (what the page searched last, or the remembered place) until it is changed. */
export function FinderForm({
  current,
  treatments,
  errors,
  busy,
  search,
}: {
  current: FinderSearch;
  treatments: TreatmentModality[];
  errors: FieldErrors;
  busy: boolean;
  search: (s: FinderSearch) => void;
}) {
  const [near, setNear] = useState(current.near);
  const [within, setWithin] = useState(current.within);
  const [modality, setModality] = useState(current.modality);
  const [missing, setMissing] = useState(false);
  // A search made elsewhere (a suggested place, the address) shows in the form.
  useEffect(() => setNear(current.near), [current.near]);
  useEffect(() => setWithin(current.within), [current.within]);
  useEffect(() => setModality(current.modality), [current.modality]);

  const kinds = Object.keys(KIND_WORDS) as (keyof typeof KIND_WORDS)[];
  const distances = DISTANCES.includes(within) ? DISTANCES : [...DISTANCES, within].sort((a, b) => a - b);
  const shown: FieldErrors = missing ? { ...errors, near: 'Enter a town or city to search near.' } : errors;

  const submit = (e: Event) => {
    e.preventDefault();
    const place = near.trim();
    setMissing(place === '');
    if (place === '') {
      document.getElementById('finder-near')?.focus();
      return;
    }
    search({ near: place, within, modality });
  };

  return (
    <form class="finder-form" onSubmit={submit} noValidate role="search" aria-label="Find a practitioner">
      <div class="field">
        <label for="finder-near">Near which town or city</label>
        <input
          id="finder-near"
          name="near"
          autocomplete="address-level2"
          required
          aria-required="true"
          value={near}
          onInput={(e) => setNear(e.currentTarget.value)}
          aria-invalid={shown.near ? true : undefined}
          aria-describedby={shown.near ? 'finder-near-hint finder-near-error' : 'finder-near-hint'}
        />
        <p class="hint" id="finder-near-hint">
          For example Walnut Creek, or Springfield, IL, US when several places share the name.
        </p>
        <FieldError errors={shown} field="near" id="finder-near-error" />
      </div>
      <div class="row wrap">
        <div class="field">
          <label for="finder-within">How far</label>
          <select
            id="finder-within"
            name="within"
            value={String(within)}
            onChange={(e) => setWithin(Number(e.currentTarget.value))}
            aria-invalid={shown.within ? true : undefined}
            aria-describedby={shown.within ? 'finder-within-error' : undefined}
          >
            {distances.map((km) => (
              <option key={km} value={String(km)}>
                Within {km} km
              </option>
            ))}
          </select>
          <FieldError errors={shown} field="within" id="finder-within-error" />
        </div>
        <div class="field finder-treatment">
          <label for="finder-modality">Treatment</label>
          <select
            id="finder-modality"
            name="modality"
            value={modality}
            onChange={(e) => setModality(e.currentTarget.value)}
            aria-invalid={shown.modality ? true : undefined}
            aria-describedby={shown.modality ? 'finder-modality-error' : undefined}
          >
            <option value="">Any treatment</option>
            {kinds.map((kind) => {
              const of = treatments.filter((t) => t.practitioner_kind === kind);
              return of.length ? (
                <optgroup key={kind} label={KIND_WORDS[kind]}>
                  {of.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </optgroup>
              ) : null;
            })}
          </select>
          <FieldError errors={shown} field="modality" id="finder-modality-error" />
        </div>
      </div>
      <OtherErrors errors={shown} shown={['near', 'within', 'modality']} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Searching…' : 'Search'}
      </button>
    </form>
  );
}
