// The form that assigns or changes a practitioner's home program for a
// client (issue 10, point 3; used by client-programs.tsx): protocols with
// their area, side, pressure ceiling, dose and cue; the areas kept for the
// clinic; dates, weeks and weekdays; a note. What the browser can check (the
// ranges, a weekday, the days, the areas) is shown all at once next to each
// field in the form's own words, never as the browser's tooltip; the home
// rules are the server's: its refusal is shown next to the field it names.
import { useState } from 'preact/hooks';
import type { HomeProgram, HomeProgramInput, Protocol, Region, Side } from '../types';
import { addDays, errorsFrom, FieldError, type FieldErrors, isWholeIn, OtherErrors, weekdayNames } from '../util';
import { keptSide, sidesOf, SideSelect } from './side-select';

export interface Kb {
  protocols: Protocol[];
  regions: Region[];
}

interface ItemDraft {
  protocol: string;
  region: string;
  side: Side;
  /** "" keeps the protocol's own pressure range. */
  maxPressure: string;
  dosePercent: string;
  cue: string;
}

interface AreaDraft {
  region: string;
  side: Side;
}

/** A protocol's areas: its eligible regions when it lists them, else the regions its steps name; never a practitioner-only one. */
function areasOf(protocol: Protocol | undefined, kb: Kb): Region[] {
  if (!protocol) return [];
  const ids = protocol.eligible_regions.length
    ? protocol.eligible_regions
    : [...new Set(protocol.steps.map((s) => s.region).filter((r) => r !== '$target'))];
  return ids
    .map((id) => kb.regions.find((r) => r.id === id))
    .filter((r): r is Region => !!r && r.region_class !== 'practitioner-only');
}

function newItem(kb: Kb, protocolId?: string): ItemDraft {
  const protocol = kb.protocols.find((p) => p.id === protocolId) ?? kb.protocols[0];
  const area = areasOf(protocol, kb)[0];
  return {
    protocol: protocol?.id ?? '',
    region: area?.id ?? '',
    side: sidesOf(area)[0],
    maxPressure: '',
    dosePercent: '100',
    cue: '',
  };
}

function draftOf(p: HomeProgram): {
  items: ItemDraft[];
  weekdays: number[];
  start: string;
  weeks: number;
  review: string;
  clinicOnly: AreaDraft[];
  note: string;
} {
  return {
    items: p.items.map((it) => ({
      protocol: it.protocol,
      region: it.target.region,
      side: it.target.side,
      maxPressure: it.max_pressure === null ? '' : String(it.max_pressure),
      dosePercent: String(it.dose_percent),
      cue: it.cue,
    })),
    weekdays: [...p.weekdays],
    start: p.start,
    weeks: p.weeks,
    review: p.review,
    clinicOnly: p.clinic_only.map((a) => ({ region: a.region, side: a.side })),
    note: p.note,
  };
}

/** The lowest dose a program may give, in % of the protocol's (core::kMinDosePercent). */
const MIN_DOSE_PERCENT = 25;

/** The field names the server gives for one item, e.g. "items[0].max_pressure". */
function itemField(i: number, f: string): string {
  return `items[${i}].${f}`;
}

/**
 * What the browser can see is wrong in a draft, keyed by the API's field
 * names, all at once and worded alike ("Pressure ceiling: enter a number from
 * 0 to 10."): each item's pressure ceiling (0–10 or empty) and dose (25–100 %),
 * at least one weekday, the start and review days given, and an area chosen
 * in each added clinic-only row. Empty when the draft may be sent; the home
 * rules (the 7/10 cap, an area's own cap, …) are the server's.
 */
function checkDraft(items: ItemDraft[], weekdays: number[], start: string, review: string, clinicOnly: AreaDraft[]): FieldErrors {
  const out: FieldErrors = {};
  items.forEach((it, i) => {
    if (!isWholeIn(it.maxPressure, 0, 10, true))
      out[itemField(i, 'max_pressure')] = 'Pressure ceiling: enter a number from 0 to 10, or leave it empty.';
    if (!isWholeIn(it.dosePercent, MIN_DOSE_PERCENT, 100))
      out[itemField(i, 'dose_percent')] = `Dose: enter a number from ${MIN_DOSE_PERCENT} to 100.`;
  });
  if (weekdays.length === 0) out.weekdays = 'Choose at least one day of the week.';
  if (!start) out.start = 'Start: give the first day.';
  if (!review) out.review = 'Review: give the day of the review.';
  clinicOnly.forEach((a, i) => {
    if (a.region === '') out[`clinic_only[${i}].region`] = 'Choose an area, or remove this row.';
  });
  return out;
}

/**
 * The assign / change form. `program`: the version to change (prefilled, sent
 * with PUT); none for a new program (POST).
 */
export function ProgramForm({
  kb,
  today,
  program,
  onSave,
  onCancel,
}: {
  kb: Kb;
  today: string;
  program?: HomeProgram;
  onSave: (input: HomeProgramInput) => Promise<void>;
  onCancel: () => void;
}) {
  const first = program
    ? draftOf(program)
    : { items: [newItem(kb)], weekdays: [0, 2, 4], start: today, weeks: 6, review: addDays(today, 28), clinicOnly: [], note: '' };
  const [items, setItems] = useState<ItemDraft[]>(first.items);
  const [weekdays, setWeekdays] = useState<number[]>(first.weekdays);
  const [start, setStart] = useState(first.start);
  const [weeks, setWeeks] = useState(first.weeks);
  const [review, setReview] = useState(first.review);
  const [reviewTouched, setReviewTouched] = useState(!!program);
  const [clinicOnly, setClinicOnly] = useState<AreaDraft[]>(first.clinicOnly);
  const [note, setNote] = useState(first.note);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const prefix = program ? `change-${program.id}` : 'assign';
  const homeRegions = kb.regions.filter((r) => r.region_class !== 'practitioner-only');

  const setItem = (i: number, change: Partial<ItemDraft>) => setItems(items.map((it, j) => (j === i ? { ...it, ...change } : it)));
  const setArea = (i: number, change: Partial<AreaDraft>) =>
    setClinicOnly(clinicOnly.map((a, j) => (j === i ? { ...a, ...change } : a)));

  async function submit(e: Event) {
    e.preventDefault();
    const local = checkDraft(items, weekdays, start, review, clinicOnly);
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    setBusy(true);
    setErrors({});
    const input: HomeProgramInput = {
      start,
      weeks,
      review,
      weekdays: [...weekdays].sort((a, b) => a - b),
      items: items.map((it) => ({
        protocol: it.protocol,
        target: { region: it.region, side: it.side },
        max_pressure: it.maxPressure.trim() === '' ? null : Number(it.maxPressure),
        dose_percent: Number(it.dosePercent),
        cue: it.cue.trim(),
      })),
      clinic_only: clinicOnly.map((a) => ({ region: a.region, side: a.side })),
      note: note.trim(),
    };
    try {
      await onSave(input);
    } catch (err) {
      setErrors(errorsFrom(err));
    } finally {
      setBusy(false);
    }
  }

  const shown = ['start', 'weeks', 'review', 'weekdays', 'note'];
  items.forEach((_, i) =>
    shown.push(...['protocol', 'target', 'target.region', 'target.side', 'max_pressure', 'dose_percent', 'cue'].map((f) => itemField(i, f))),
  );
  clinicOnly.forEach((_, i) => shown.push(`clinic_only[${i}]`, `clinic_only[${i}].region`, `clinic_only[${i}].side`));

  return (
    <form class="program-form" onSubmit={submit} noValidate aria-label={program ? 'Change this home program' : 'Assign a home program'}>
      {program ? (
        <p class="small">Your change is saved as a new version; the client sees what changed, and every earlier version is kept.</p>
      ) : null}
      {items.map((it, i) => {
        const protocol = kb.protocols.find((p) => p.id === it.protocol);
        const areas = areasOf(protocol, kb);
        const region = kb.regions.find((r) => r.id === it.region);
        const id = `${prefix}-item-${i}`;
        const invalid = (f: string) => (errors[itemField(i, f)] ? 'true' : undefined);
        return (
          <fieldset key={i} class="program-item" data-testid="program-item-form">
            <legend>Protocol {i + 1}</legend>
            <div class="field">
              <label for={`${id}-protocol`}>Protocol</label>
              <select
                id={`${id}-protocol`}
                value={it.protocol}
                aria-invalid={invalid('protocol')}
                onChange={(e) => {
                  const next = newItem(kb, e.currentTarget.value);
                  setItem(i, { protocol: next.protocol, region: next.region, side: next.side });
                }}
              >
                {kb.protocols.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <FieldError errors={errors} field={itemField(i, 'protocol')} />
            </div>
            <div class="row wrap">
              <div class="field area-field">
                <label for={`${id}-region`}>Area</label>
                <select
                  id={`${id}-region`}
                  value={it.region}
                  aria-invalid={invalid('target.region')}
                  onChange={(e) => {
                    const r = kb.regions.find((x) => x.id === e.currentTarget.value);
                    setItem(i, { region: e.currentTarget.value, side: keptSide(r, it.side) });
                  }}
                >
                  {areas.length === 0 ? <option value="">No area</option> : null}
                  {areas.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for={`${id}-side`}>Side</label>
                <SideSelect
                  id={`${id}-side`}
                  region={region}
                  value={it.side}
                  invalid={!!invalid('target.side')}
                  onChange={(side) => setItem(i, { side })}
                />
              </div>
            </div>
            <FieldError errors={errors} field={itemField(i, 'target')} />
            <FieldError errors={errors} field={itemField(i, 'target.region')} />
            <FieldError errors={errors} field={itemField(i, 'target.side')} />
            <div class="row wrap">
              <div class="field">
                <label for={`${id}-pressure`}>Pressure ceiling, out of 10 (optional)</label>
                <input
                  id={`${id}-pressure`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={10}
                  step={1}
                  value={it.maxPressure}
                  aria-invalid={invalid('max_pressure')}
                  aria-describedby={`${id}-pressure-hint` + (invalid('max_pressure') ? ` ${id}-pressure-error` : '')}
                  onInput={(e) => setItem(i, { maxPressure: e.currentTarget.value })}
                />
                <span class="hint" id={`${id}-pressure-hint`}>
                  Empty keeps the protocol's range. At home at most 7/10.
                </span>
                <FieldError errors={errors} field={itemField(i, 'max_pressure')} id={`${id}-pressure-error`} />
              </div>
              <div class="field">
                <label for={`${id}-dose`}>Dose, % of the protocol's</label>
                <input
                  id={`${id}-dose`}
                  type="number"
                  inputMode="numeric"
                  min={25}
                  max={100}
                  step={1}
                  required
                  value={it.dosePercent}
                  aria-invalid={invalid('dose_percent')}
                  aria-describedby={invalid('dose_percent') ? `${id}-dose-error` : undefined}
                  onInput={(e) => setItem(i, { dosePercent: e.currentTarget.value })}
                />
                <FieldError errors={errors} field={itemField(i, 'dose_percent')} id={`${id}-dose-error`} />
              </div>
            </div>
            <div class="field">
              <label for={`${id}-cue`}>Your cue (optional, shown on each step card)</label>
              <input id={`${id}-cue`} value={it.cue} maxLength={300} onInput={(e) => setItem(i, { cue: e.currentTarget.value })} />
              <FieldError errors={errors} field={itemField(i, 'cue')} />
            </div>
            {items.length > 1 ? (
              <button type="button" onClick={() => setItems(items.filter((_, j) => j !== i))}>
                Remove protocol {i + 1}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button type="button" onClick={() => setItems([...items, newItem(kb)])}>
        Add another protocol
      </button>

      <fieldset>
        <legend>Days of the week</legend>
        <div class="checks days">
          {weekdayNames.map((name, d) => (
            <label key={d} class="check">
              <input
                type="checkbox"
                checked={weekdays.includes(d)}
                onChange={(e) => setWeekdays(e.currentTarget.checked ? [...weekdays, d] : weekdays.filter((x) => x !== d))}
              />
              {name}
            </label>
          ))}
        </div>
        <FieldError errors={errors} field="weekdays" />
      </fieldset>

      <div class="row wrap">
        <div class="field">
          <label for={`${prefix}-start`}>Start</label>
          <input
            id={`${prefix}-start`}
            type="date"
            required
            value={start}
            aria-invalid={errors.start ? 'true' : undefined}
            onInput={(e) => {
              const v = e.currentTarget.value;
              setStart(v);
              if (!reviewTouched && v) setReview(addDays(v, 28));
            }}
          />
        </div>
        <div class="field">
          <label for={`${prefix}-weeks`}>Weeks</label>
          <select id={`${prefix}-weeks`} value={String(weeks)} onChange={(e) => setWeeks(Number(e.currentTarget.value))}>
            {[4, 5, 6].map((w) => (
              <option key={w} value={String(w)}>
                {w}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${prefix}-review`}>Review</label>
          <input
            id={`${prefix}-review`}
            type="date"
            required
            value={review}
            aria-invalid={errors.review ? 'true' : undefined}
            onInput={(e) => {
              setReview(e.currentTarget.value);
              setReviewTouched(true);
            }}
          />
        </div>
      </div>
      <FieldError errors={errors} field="start" />
      <FieldError errors={errors} field="weeks" />
      <FieldError errors={errors} field="review" />

      <fieldset>
        <legend>Kept for the clinic (optional)</legend>
        <p class="hint">Areas you treat in clinic only: no home step there.</p>
        {clinicOnly.map((a, i) => {
          const region = kb.regions.find((r) => r.id === a.region);
          const id = `${prefix}-clinic-${i}`;
          return (
            <div key={i} class="clinic-only-row">
              <div class="row wrap">
                <div class="field">
                  <label for={`${id}-region`}>Area {i + 1}</label>
                  <select
                    id={`${id}-region`}
                    value={a.region}
                    aria-invalid={errors[`clinic_only[${i}].region`] ? 'true' : undefined}
                    onChange={(e) => {
                      const r = kb.regions.find((x) => x.id === e.currentTarget.value);
                      setArea(i, { region: e.currentTarget.value, side: keptSide(r, a.side) });
                    }}
                  >
                    <option value="" disabled>
                      Choose an area
                    </option>
                    {homeRegions.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for={`${id}-side`}>Side of area {i + 1}</label>
                  <SideSelect id={`${id}-side`} region={region} value={a.side} onChange={(side) => setArea(i, { side })} />
                </div>
                <button type="button" onClick={() => setClinicOnly(clinicOnly.filter((_, j) => j !== i))}>
                  Remove area {i + 1}
                </button>
              </div>
              <FieldError errors={errors} field={`clinic_only[${i}]`} />
              <FieldError errors={errors} field={`clinic_only[${i}].region`} />
              <FieldError errors={errors} field={`clinic_only[${i}].side`} />
            </div>
          );
        })}
        <button
          type="button"
          onClick={() => setClinicOnly([...clinicOnly, { region: '', side: 'both' }])}
        >
          Add an area
        </button>
      </fieldset>

      <div class="field">
        <label for={`${prefix}-note`}>Note for the client (optional)</label>
        <textarea id={`${prefix}-note`} rows={3} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        <FieldError errors={errors} field="note" />
      </div>
      <OtherErrors errors={errors} shown={shown} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Saving…' : program ? 'Save the change' : 'Assign the program'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
