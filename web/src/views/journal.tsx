// The journal: quick entries for pain, a reaction check-in (soreness,
// redness, red dots, bruising), habits, treatments received elsewhere and
// notes, and the recent entries, with what linked practitioners recorded in
// clinic (who, and at which clinic).
import { NrsSelect } from '../components/nrs-select';
import { useState } from 'preact/hooks';
import { loadNames, stopSignWords, useNames } from '../names';
import { api, type JournalKind } from '../api';
import { useApp } from '../app-context';
import { journalLine } from '../components/clinic-treatment-words';
import type { Habit, Journal, Profile, Region, Side, TreatmentModality } from '../types';
import {
  errorsFrom,
  FieldError,
  LoadError,
  Loading,
  longDate,
  OtherErrors,
  Page,
  sideWord,
  unlessMissing,
  useLoad,
  type FieldErrors,
} from '../util';

interface Kb {
  regions: Region[];
  habits: Habit[];
  treatments: TreatmentModality[];
  profile: Profile | null;
}

async function loadKb(): Promise<Kb> {
  const [regions, habits, treatments, profile] = await Promise.all([
    api.regions(),
    api.habits(),
    api.treatments(),
    unlessMissing(api.profile()),
    loadNames(),
  ]);
  return { regions, habits, treatments, profile };
}

const TABS: [JournalKind, string][] = [
  ['pain', 'Pain'],
  ['reaction', 'Soreness and skin'],
  ['habit', 'Habit'],
  ['treatment', 'Treatment received'],
  ['note', 'Note'],
];

/** The Journal page; `kind` (from `/journal?kind=reaction`) picks the entry tab it opens on, Pain when unknown or empty. */
export function JournalView({ kind = '' }: { kind?: string }) {
  const kb = useLoad(loadKb);
  const journal = useLoad(() => api.journal());
  const clinics = useLoad(clinicNames);
  const [tab, setTab] = useState<JournalKind>(TABS.find(([k]) => k === kind)?.[0] ?? 'pain');
  return (
    <Page title="Journal" wide>
      {kb.error ? <LoadError error={kb.error} retry={kb.reload} /> : null}
      {kb.loading && !kb.data ? <Loading what="the journal" /> : null}
      {kb.data ? (
        <>
          <div class="tabs" role="tablist" aria-label="Kind of entry">
            {TABS.map(([k, label]) => (
              <button
                key={k}
                type="button"
                role="tab"
                id={`tab-${k}`}
                aria-selected={tab === k}
                aria-controls="entry-panel"
                tabIndex={tab === k ? 0 : -1}
                class={tab === k ? 'tab active' : 'tab'}
                onClick={() => setTab(k)}
                onKeyDown={(e) => {
                  const i = TABS.findIndex(([x]) => x === tab);
                  let j = -1;
                  if (e.key === 'ArrowRight') j = (i + 1) % TABS.length;
                  if (e.key === 'ArrowLeft') j = (i + TABS.length - 1) % TABS.length;
                  if (j >= 0) {
                    e.preventDefault();
                    setTab(TABS[j][0]);
                    document.getElementById(`tab-${TABS[j][0]}`)?.focus();
                  }
                }}
              >
                {label}
              </button>
            ))}
          </div>
          <div id="entry-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} class="entry-panel">
            <EntryForm key={tab} kind={tab} kb={kb.data} onSaved={journal.reload} />
          </div>
        </>
      ) : null}
      <h2>Recent entries</h2>
      {journal.error ? <LoadError error={journal.error} retry={journal.reload} /> : null}
      {journal.data && kb.data && !clinics.loading ? <Recent journal={journal.data} clinics={clinics.data ?? {}} /> : null}
    </Page>
  );
}

function RegionSide({
  kb,
  region,
  side,
  setRegion,
  setSide,
  errors,
  idPrefix,
  optional,
}: {
  kb: Kb;
  region: string;
  side: Side;
  setRegion: (r: string) => void;
  setSide: (s: Side) => void;
  errors: FieldErrors;
  idPrefix: string;
  optional?: boolean;
}) {
  const mine = new Set(kb.profile?.regions.map((r) => r.region) ?? []);
  const current = kb.regions.find((r) => r.id === region);
  // The person's own areas first, then the rest; each group by name.
  const sorted = [...kb.regions].sort((a, b) => Number(mine.has(b.id)) - Number(mine.has(a.id)) || a.name.localeCompare(b.name));
  return (
    <div class="row wrap">
      <div class="field">
        <label for={`${idPrefix}-region`}>Area{optional ? ' (optional)' : ''}</label>
        <select
          id={`${idPrefix}-region`}
          value={region}
          onChange={(e) => {
            const r = kb.regions.find((x) => x.id === e.currentTarget.value);
            setRegion(e.currentTarget.value);
            setSide(r?.laterality === 'midline' ? 'midline' : 'both');
          }}
        >
          <option value="">{optional ? 'None' : 'Choose an area…'}</option>
          {sorted.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
              {mine.has(r.id) ? ' (yours)' : ''}
            </option>
          ))}
        </select>
        <FieldError errors={errors} field="region" />
      </div>
      {current && current.laterality !== 'midline' && !optional ? (
        <div class="field">
          <label for={`${idPrefix}-side`}>Side</label>
          <select id={`${idPrefix}-side`} value={side} onChange={(e) => setSide(e.currentTarget.value as Side)}>
            <option value="left">Left</option>
            <option value="right">Right</option>
            <option value="both">Both</option>
          </select>
          <FieldError errors={errors} field="side" />
        </div>
      ) : null}
    </div>
  );
}

function Score({
  id,
  label,
  value,
  setValue,
  errors,
  field,
}: {
  id: string;
  label: string;
  value: string;
  setValue: (v: string) => void;
  errors: FieldErrors;
  field: string;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <NrsSelect id={id} choose value={value} onChange={setValue} />
      <FieldError errors={errors} field={field} />
    </div>
  );
}

function EntryForm({ kind, kb, onSaved }: { kind: JournalKind; kb: Kb; onSaved: () => void }) {
  const app = useApp();
  const first = kb.profile?.regions[0];
  const [date, setDate] = useState(app.me.today);
  const [region, setRegion] = useState(kind === 'treatment' ? '' : first?.region ?? '');
  const [side, setSide] = useState<Side>(first?.side ?? 'both');
  const [score, setScore] = useState('');
  const [soreness, setSoreness] = useState('');
  const [redness, setRedness] = useState(false);
  const [redDots, setRedDots] = useState(false);
  const [bruising, setBruising] = useState(false);
  const [habit, setHabit] = useState('');
  const [treatment, setTreatment] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: FieldErrors = {};
    let body: Record<string, unknown> = { date };
    if (kind === 'pain') {
      if (!region) local.region = 'Choose an area.';
      if (score === '') local.score = 'Choose a pain score from 0 to 10.';
      body = { ...body, region, side, score: Number(score) };
    } else if (kind === 'reaction') {
      if (!region) local.region = 'Choose the area you treated.';
      if (soreness === '') local.soreness = 'Choose how sore it is, 0 to 10.';
      body = { ...body, region, side, soreness: Number(soreness), redness, red_dots: redDots, bruising };
    } else if (kind === 'habit') {
      if (!habit) local.habit = 'Choose a habit.';
      body = { ...body, habit };
    } else if (kind === 'treatment') {
      if (!treatment) local.treatment = 'Choose the treatment you had.';
      body = { ...body, treatment, ...(region ? { region } : {}), ...(text.trim() ? { note: text.trim() } : {}) };
    } else {
      if (!text.trim()) local.text = 'Write a few words.';
      body = { ...body, text: text.trim() };
    }
    setErrors(local);
    setSaved('');
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const res = await api.log(kind, body);
      let msg = 'Saved.';
      if (kind === 'reaction')
        msg = res.settled
          ? 'Saved. This area has settled: the next session on it can go ahead.'
          : 'Saved. This area has not settled yet, so the next session on it waits. Check in again tomorrow.';
      setSaved(msg);
      setScore('');
      setSoreness('');
      setText('');
      onSaved();
    } catch (err) {
      setErrors(errorsFrom(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate class="entry-form" data-kind={kind}>
      <div class="field">
        <label for={`${kind}-date`}>Date</label>
        <input id={`${kind}-date`} type="date" value={date} max={app.me.today} onInput={(e) => setDate(e.currentTarget.value)} />
        <FieldError errors={errors} field="date" />
      </div>
      {kind === 'pain' ? (
        <>
          <RegionSide kb={kb} region={region} side={side} setRegion={setRegion} setSide={setSide} errors={errors} idPrefix="pain" />
          <Score id="pain-score" label="Pain (0 none – 10 worst)" value={score} setValue={setScore} errors={errors} field="score" />
        </>
      ) : null}
      {kind === 'reaction' ? (
        <>
          <p class="hint">
            A day or two after a session, check the area you worked. The next session on it waits until soreness is low and
            any redness or red dots have gone.
          </p>
          <RegionSide kb={kb} region={region} side={side} setRegion={setRegion} setSide={setSide} errors={errors} idPrefix="reaction" />
          <Score id="reaction-soreness" label="Soreness (0 none – 10 worst)" value={soreness} setValue={setSoreness} errors={errors} field="soreness" />
          <fieldset>
            <legend>What do you see on the skin?</legend>
            <div class="checks">
              <label class="check">
                <input type="checkbox" checked={redness} onChange={() => setRedness(!redness)} />
                <span>Redness</span>
              </label>
              <label class="check">
                <input type="checkbox" checked={redDots} onChange={() => setRedDots(!redDots)} />
                <span>Small red dots</span>
              </label>
              <label class="check">
                <input type="checkbox" checked={bruising} onChange={() => setBruising(!bruising)} />
                <span>Bruising</span>
              </label>
            </div>
            <FieldError errors={errors} field="redness" />
            <FieldError errors={errors} field="bruising" />
          </fieldset>
        </>
      ) : null}
      {kind === 'habit' ? (
        <fieldset>
          <legend>Which habit did you do?</legend>
          <div class="checks">
            {[...kb.habits].sort((a, b) => a.name.localeCompare(b.name)).map((h) => (
              <label key={h.id} class="check">
                <input type="radio" name="habit" value={h.id} checked={habit === h.id} onChange={() => setHabit(h.id)} />
                <span>
                  {h.name}
                  <span class="muted small"> — {h.description}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError errors={errors} field="habit" />
        </fieldset>
      ) : null}
      {kind === 'treatment' ? (
        <>
          <div class="field">
            <label for="treatment-kind">Treatment you had</label>
            <select id="treatment-kind" value={treatment} onChange={(e) => setTreatment(e.currentTarget.value)}>
              <option value="">Choose…</option>
              {[...kb.treatments].sort((a, b) => a.name.localeCompare(b.name)).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <FieldError errors={errors} field="treatment" />
          </div>
          <RegionSide kb={kb} region={region} side={side} setRegion={setRegion} setSide={setSide} errors={errors} idPrefix="treatment" optional />
          <div class="field">
            <label for="treatment-note">Note (optional)</label>
            <input id="treatment-note" value={text} onInput={(e) => setText(e.currentTarget.value)} />
            <FieldError errors={errors} field="note" />
          </div>
        </>
      ) : null}
      {kind === 'note' ? (
        <div class="field">
          <label for="note-text">What was easier or harder today?</label>
          <textarea id="note-text" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <FieldError errors={errors} field="text" />
        </div>
      ) : null}
      <OtherErrors
        errors={errors}
        shown={['date', 'region', 'side', 'score', 'soreness', 'redness', 'bruising', 'habit', 'treatment', 'note', 'text']}
      />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Saving…' : 'Save entry'}
      </button>
      {saved ? (
        <p class="ok" role="status">
          {saved}
        </p>
      ) : null}
    </form>
  );
}

/** The clinics of the person's links, live or revoked, by id: the clinics that may have recorded a treatment. */
async function clinicNames(): Promise<Record<number, string>> {
  const links = await api.links();
  return Object.fromEntries(links.map((l) => [l.clinic.id, l.clinic.name]));
}

interface Row {
  date: string;
  kind: string;
  text: string;
  /** For tests and styles: the journal list the row comes from. */
  list: string;
}

/**
 * The latest 50 journal entries, newest first. `clinics`: the names of the
 * clinics by id, for who recorded a clinic treatment where (one not in it is
 * "another clinic").
 */
export function Recent({
  journal,
  clinics = {},
  sessionsKnown = true,
}: {
  journal: Journal;
  clinics?: Record<number, string>;
  /**
   * False when `journal.sessions` is not the whole list (a practitioner's
   * journal tab, which reads no sessions): a skin and soreness entry is then
   * not called a check-in or session-end soreness, which it cannot tell apart.
   */
  sessionsKnown?: boolean;
}) {
  const names = useNames();
  const rn = { get: (id: string) => names.of('regions', id) };
  const hn = { get: (id: string) => names.of('habits', id) };
  const tn = { get: (id: string) => names.of('treatments', id) };
  // Soreness given at the end of a session is stored as a reaction dated that
  // day on the areas it worked; it never releases the hold, so it is not
  // called a check-in (a check-in counts from the next day on).
  const workedOn = new Set(journal.sessions.flatMap((s) => s.steps.filter((x) => x.status !== 'skipped').map((x) => s.date + ' ' + x.region)));
  const rows: Row[] = [
    ...journal.pain.map((p) => ({ date: p.date, kind: 'Pain', list: 'pain', text: `${rn.get(p.region) ?? p.region}, ${sideWord(p.side)}: ${p.score}/10` })),
    ...journal.reactions.map((r) => ({
      date: r.date,
      list: 'reactions',
      kind: !sessionsKnown ? 'Skin and soreness' : workedOn.has(r.date + ' ' + r.region) ? 'Soreness after the session' : 'Check-in',
      text:
        `${rn.get(r.region) ?? r.region}, ${sideWord(r.side)}: soreness ${r.soreness}/10` +
        [r.redness ? 'redness' : '', r.red_dots ? 'red dots' : '', r.bruising ? 'bruising' : '']
          .filter(Boolean)
          .map((x) => ', ' + x)
          .join(''),
    })),
    ...journal.habits.map((h) => ({ date: h.date, kind: 'Habit', list: 'habits', text: hn.get(h.habit) ?? h.habit })),
    ...journal.treatments.map((t) => ({
      date: t.date,
      kind: 'Treatment',
      list: 'treatments',
      text: (tn.get(t.treatment) ?? t.treatment) + (t.region ? ` (${rn.get(t.region) ?? t.region})` : '') + (t.note ? ': ' + t.note : ''),
    })),
    ...journal.notes.map((n) => ({ date: n.date, kind: 'Note', list: 'notes', text: n.text })),
    ...journal.clinic_treatments.map((t) => ({
      date: t.date,
      kind: 'In clinic',
      list: 'clinic_treatments',
      text: journalLine(t, names, clinics[t.clinic_id]),
    })),
    ...journal.sessions.map((s) => ({
      date: s.date,
      kind: 'Session',
      list: 'sessions',
      text: `${names.of('protocols', s.protocol)}: ${s.steps.filter((x) => x.status === 'done').length} of ${s.steps.length} steps${s.stopped ? `, stopped early${stopSignWords(s, names)}` : ''}`,
    })),
  ].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  if (!rows.length) return <p class="muted">No entries yet.</p>;
  return (
    <table class="recent" data-testid="journal-recent">
      <caption class="visually-hidden">Journal entries, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Kind</th>
          <th scope="col">Entry</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, 50).map((r, i) => (
          <tr key={i} data-list={r.list}>
            <td>{longDate(r.date)}</td>
            <td>{r.kind}</td>
            <td>{r.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
