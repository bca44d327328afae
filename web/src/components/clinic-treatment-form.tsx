// A linked practitioner records what was done in clinic (issue 10, point 4),
// on the client's page (views/clients.tsx): the day (today unless changed;
// the server takes none in the future and none more than 365 days back), the
// treatment (any of the knowledge base's, those that count as a home load
// first), one or more areas with their side — practitioner-only areas such as
// the scalenes included, since this is where they are treated — the pressure,
// the minutes, the reaction seen and a note. It is posted to POST
// /clients/{id}/treatments, which writes it into the client's journal and
// their access log. Every problem the browser can see is shown at once, each
// next to its field, before anything is sent; the server's refusal is shown
// next to the field it names, in the form's own words. The confirmation says
// what was recorded and what it holds back at home
// (clinic-treatment-words.tsx).
import { useState } from 'preact/hooks';
import { api } from '../api';
import { loadNames, useNames } from '../names';
import type { Caps, RecordedClinicTreatment, Region, Side, TreatmentModality } from '../types';
import { addDays, errorsFrom, FieldError, type FieldErrors, isWholeIn, LoadError, Loading, longDate, OtherErrors, useLoad } from '../util';
import { HomeEffect, treatmentLine } from './clinic-treatment-words';
import { NrsSelect } from './nrs-select';
import { keptSide, SideSelect, sidesOf } from './side-select';

interface Kb {
  treatments: TreatmentModality[];
  regions: Region[];
  caps: Caps;
}

async function loadKb(): Promise<Kb> {
  const [treatments, regions, caps] = await Promise.all([api.treatments(), api.regions(), api.caps(), loadNames()]);
  return { treatments, regions, caps };
}

interface AreaDraft {
  region: string;
  side: Side;
}

/** How far back the server takes a treatment's day (app::kClinicTreatmentDaysBack). */
const DAYS_BACK = 365;
/** At most this many areas in one treatment (the API's maxItems). */
const MAX_AREAS = 30;

const LOAD_WORDS: Record<NonNullable<TreatmentModality['counts_as']>, string> = {
  instrument: 'instrument work',
  compression: 'compression',
  pressure: 'sustained pressure',
};

/** What the form holds when it is sent, as typed. */
interface Draft {
  date: string;
  treatment: string;
  areas: AreaDraft[];
  pressure: string;
  minutes: string;
}

/**
 * Every problem the browser can see in a draft, each keyed by the API's field
 * name, so that all of them show at once next to their fields before
 * anything is sent: the day (given, not after `today`, at most DAYS_BACK
 * days back), the treatment, each area with a side that fits it, the
 * pressure (0–10 if given) and the minutes (a whole number, 1–240). Empty
 * when the draft may be sent; the server checks everything again.
 */
function checkDraft(d: Draft, today: string, regions: Region[]): FieldErrors {
  const out: FieldErrors = {};
  const earliest = addDays(today, -DAYS_BACK);
  if (!d.date) out.date = 'Give the day of the treatment.';
  else if (d.date > today) out.date = `Day of the treatment: ${longDate(d.date)} is in the future (today is ${longDate(today)}).`;
  else if (d.date < earliest)
    out.date = `Day of the treatment: ${longDate(d.date)} is more than ${DAYS_BACK} days ago (the earliest is ${longDate(earliest)}).`;
  if (!d.treatment) out.treatment = 'Choose the treatment you gave.';
  d.areas.forEach((a, i) => {
    const region = regions.find((r) => r.id === a.region);
    if (!region) out[`regions[${i}].region`] = 'Choose the area you worked, or remove this row.';
    else if (!sidesOf(region).includes(a.side)) out[`regions[${i}].side`] = `Side of area ${i + 1}: choose a side this area has.`;
  });
  if (!isWholeIn(d.pressure, 0, 10, true)) out.pressure = 'Pressure: enter a number from 0 to 10.';
  if (!isWholeIn(d.minutes, 1, 240)) out.minutes = 'Minutes: enter a number from 1 to 240.';
  return out;
}

/** The form's label for each field name the server may give, used to word its refusals. */
function fieldLabels(areas: number): Record<string, string> {
  const labels: Record<string, string> = {
    date: 'Day of the treatment',
    treatment: 'Treatment',
    regions: 'Areas worked',
    pressure: 'Pressure',
    minutes: 'Minutes',
    reaction: 'Reaction seen',
    note: 'Note',
  };
  for (let i = 0; i < areas; i++) {
    labels[`regions[${i}]`] = `Area ${i + 1}`;
    labels[`regions[${i}].region`] = `Area ${i + 1}`;
    labels[`regions[${i}].side`] = `Side of area ${i + 1}`;
  }
  return labels;
}

/**
 * The "Clinic treatments" part of a client's page: the form (folded until
 * opened) and, once a treatment is saved, what was recorded and what it holds
 * back at home. `onSaved` runs after each save, for the page to read again
 * what shows the entry (the journal, the flags, the programs).
 */
export function ClinicTreatments({
  client,
  clientName,
  today,
  onSaved,
}: {
  client: number;
  clientName: string;
  today: string;
  onSaved: (entry: RecordedClinicTreatment) => void;
}) {
  const kb = useLoad(loadKb);
  const names = useNames();
  const [saved, setSaved] = useState<RecordedClinicTreatment | null>(null);
  const [round, setRound] = useState(0);
  const kind = saved && kb.data?.treatments.find((t) => t.id === saved.treatment);
  return (
    <section aria-labelledby="clinic-treatments-title" class="clinic-treatments" data-testid="clinic-treatments">
      <h2 id="clinic-treatments-title">Clinic treatments</h2>
      <p class="muted small">
        What you did in clinic goes into {clientName}'s journal with your name and clinic. Work that counts as a load holds
        their home work on the same areas back, as a home session would.
      </p>
      <details class="note-writer">
        <summary>Record a clinic treatment</summary>
        {kb.error ? <LoadError error={kb.error} retry={kb.reload} /> : null}
        {kb.loading && !kb.data ? <Loading what="the treatments and areas" /> : null}
        {kb.data ? (
          <TreatmentForm
            key={round}
            kb={kb.data}
            client={client}
            clientName={clientName}
            today={today}
            onSaved={(entry) => {
              setSaved(entry);
              setRound(round + 1);
              onSaved(entry);
            }}
          />
        ) : null}
      </details>
      <div role="status" data-testid="clinic-treatment-saved">
        {saved && kind && kb.data ? (
          <div class="notice">
            <p>
              <strong>
                Recorded in {clientName}'s journal for {longDate(saved.date)}: {treatmentLine(saved, names)}.
              </strong>
            </p>
            <HomeEffect kind={kind} caps={kb.data.caps} regions={kb.data.regions} names={names} who={clientName} areas={saved.regions} resumes={saved.home_work_resumes} />
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** The form itself; `kb` is loaded before it shows. */
function TreatmentForm({
  kb,
  client,
  clientName,
  today,
  onSaved,
}: {
  kb: Kb;
  client: number;
  clientName: string;
  today: string;
  onSaved: (entry: RecordedClinicTreatment) => void;
}) {
  const names = useNames();
  const [date, setDate] = useState(today);
  const [treatment, setTreatment] = useState('');
  const [areas, setAreas] = useState<AreaDraft[]>([{ region: '', side: 'both' }]);
  const [pressure, setPressure] = useState('');
  const [minutes, setMinutes] = useState('');
  const [reaction, setReaction] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const labels = fieldLabels(areas.length);
  const kind = kb.treatments.find((t) => t.id === treatment);
  const byName = (a: TreatmentModality, b: TreatmentModality) => a.name.localeCompare(b.name);
  const loads = kb.treatments.filter((t) => t.counts_as !== null).sort(byName);
  const others = kb.treatments.filter((t) => t.counts_as === null).sort(byName);

  const setArea = (i: number, change: Partial<AreaDraft>) => setAreas(areas.map((a, j) => (j === i ? { ...a, ...change } : a)));
  const invalid = (field: string) => (errors[field] ? 'true' : undefined);
  const describedBy = (field: string, id: string, hint?: string) =>
    [hint, errors[field] ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;

  async function submit(e: Event) {
    e.preventDefault();
    const local = checkDraft({ date, treatment, areas, pressure, minutes }, today, kb.regions);
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const entry = await api.recordTreatment(client, {
        date,
        treatment,
        regions: areas.map((a) => ({ region: a.region, side: a.side })),
        pressure: pressure === '' ? null : Number(pressure),
        minutes: Number(minutes),
        reaction: reaction.trim(),
        note: note.trim(),
      });
      onSaved(entry);
    } catch (err) {
      setErrors(errorsFrom(err, labels));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="clinic-treatment-form" onSubmit={submit} noValidate aria-label="Record a clinic treatment" data-testid="clinic-treatment-form">
      <div class="field">
        <label for="ct-date">Day of the treatment</label>
        <input
          id="ct-date"
          type="date"
          min={addDays(today, -DAYS_BACK)}
          max={today}
          value={date}
          aria-invalid={invalid('date')}
          aria-describedby={describedBy('date', 'ct-date')}
          onInput={(e) => setDate(e.currentTarget.value)}
        />
        <FieldError errors={errors} field="date" id="ct-date-error" />
      </div>
      <div class="field">
        <label for="ct-treatment">Treatment</label>
        <select
          id="ct-treatment"
          value={treatment}
          aria-invalid={invalid('treatment')}
          aria-describedby={describedBy('treatment', 'ct-treatment', kind ? 'ct-treatment-hint' : undefined)}
          onChange={(e) => setTreatment(e.currentTarget.value)}
        >
          <option value="">Choose…</option>
          <optgroup label="Counts as a home load">
            {loads.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({LOAD_WORDS[t.counts_as!]})
              </option>
            ))}
          </optgroup>
          <optgroup label="Counts as no home load">
            {others.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </optgroup>
        </select>
        {kind ? (
          <div id="ct-treatment-hint" class="hint" data-testid="clinic-treatment-hint">
            <p class="small">{kind.description}</p>
            <HomeEffect kind={kind} caps={kb.caps} regions={kb.regions} names={names} who={clientName} />
          </div>
        ) : null}
        <FieldError errors={errors} field="treatment" id="ct-treatment-error" />
      </div>

      <fieldset>
        <legend>Areas worked</legend>
        {areas.map((a, i) => {
          const region = kb.regions.find((r) => r.id === a.region);
          const id = `ct-area-${i}`;
          return (
            <div key={i} class="treatment-area" data-testid="clinic-treatment-area">
              <div class="row wrap">
                <div class="field area-field">
                  <label for={`${id}-region`}>Area {i + 1}</label>
                  <select
                    id={`${id}-region`}
                    value={a.region}
                    aria-invalid={invalid(`regions[${i}].region`) ?? invalid(`regions[${i}]`)}
                    onChange={(e) => {
                      const r = kb.regions.find((x) => x.id === e.currentTarget.value);
                      setArea(i, { region: e.currentTarget.value, side: keptSide(r, a.side) });
                    }}
                  >
                    <option value="">Choose an area…</option>
                    {kb.regions.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name}
                        {r.region_class === 'practitioner-only' ? ' — practitioners only' : ''}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for={`${id}-side`}>Side of area {i + 1}</label>
                  <SideSelect
                    id={`${id}-side`}
                    region={region}
                    value={a.side}
                    invalid={!!errors[`regions[${i}].side`]}
                    onChange={(side) => setArea(i, { side })}
                  />
                </div>
                {areas.length > 1 ? (
                  <button type="button" onClick={() => setAreas(areas.filter((_, j) => j !== i))}>
                    Remove area {i + 1}
                  </button>
                ) : null}
              </div>
              <FieldError errors={errors} field={`regions[${i}]`} />
              <FieldError errors={errors} field={`regions[${i}].region`} />
              <FieldError errors={errors} field={`regions[${i}].side`} />
            </div>
          );
        })}
        <FieldError errors={errors} field="regions" />
        {areas.length < MAX_AREAS ? (
          <button type="button" onClick={() => setAreas([...areas, { region: '', side: 'both' }])}>
            Add another area
          </button>
        ) : null}
      </fieldset>

      <div class="row wrap">
        <div class="field">
          <label for="ct-pressure">Pressure, 0–10 (optional)</label>
          <NrsSelect id="ct-pressure" choose chooseLabel="Not recorded" value={pressure} onChange={setPressure} invalid={!!errors.pressure} />
        </div>
        <div class="field">
          <label for="ct-minutes">Minutes</label>
          <input
            id="ct-minutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            step={1}
            value={minutes}
            aria-invalid={invalid('minutes')}
            aria-describedby={describedBy('minutes', 'ct-minutes')}
            onInput={(e) => setMinutes(e.currentTarget.value)}
          />
        </div>
      </div>
      {/* Below the row, so that the two controls stay side by side when one is refused. */}
      <FieldError errors={errors} field="pressure" id="ct-pressure-error" />
      <FieldError errors={errors} field="minutes" id="ct-minutes-error" />
      <div class="field">
        <label for="ct-reaction">Reaction seen (optional)</label>
        <textarea
          id="ct-reaction"
          rows={2}
          maxLength={1000}
          value={reaction}
          aria-invalid={invalid('reaction')}
          aria-describedby={describedBy('reaction', 'ct-reaction', 'ct-reaction-hint')}
          onInput={(e) => setReaction(e.currentTarget.value)}
        />
        <span class="hint" id="ct-reaction-hint">
          For example: redness that faded within the hour.
        </span>
        <FieldError errors={errors} field="reaction" id="ct-reaction-error" />
      </div>
      <div class="field">
        <label for="ct-note">Note (optional; {clientName} sees it in their journal)</label>
        <textarea
          id="ct-note"
          rows={2}
          maxLength={2000}
          value={note}
          aria-invalid={invalid('note')}
          aria-describedby={describedBy('note', 'ct-note')}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        <FieldError errors={errors} field="note" id="ct-note-error" />
      </div>
      <OtherErrors errors={errors} shown={Object.keys(labels)} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Recording…' : 'Record the treatment'}
      </button>
    </form>
  );
}
