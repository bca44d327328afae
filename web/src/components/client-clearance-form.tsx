// A linked practitioner's clearance for a client (issue 10, point 5), shown
// under the client's screening (views/clients.tsx) when their screening holds
// warning signs that only a practitioner's clearance lifts. The practitioner
// ticks the areas they clear, warning sign by warning sign (nothing is ticked
// until chosen), gives the day they saw the client and a note, and it is
// posted to POST /clients/{id}/clearances: the server signs it with the
// practitioner's and the clinic's names, writes it in the client's access
// log, and the client sees who cleared what. The day and note fields are the
// person's own form's (clearance-fields.tsx); the server's refusal is shown
// next to the field it names.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { useNames } from '../names';
import type { ClearanceEntry, Finding, RegionSide } from '../types';
import { errorsFrom, FieldError, type FieldErrors, levelWords, longDate, OtherErrors, sideWord } from '../util';
import { fullyCleared } from './answer-again';
import { ClearanceDateNote } from './clearance-fields';

/** One tick box: an area of one warning sign, or (for a warning sign that names no area) the whole of it. */
interface Choice {
  key: string;
  /** null: the warning sign names no area, so clearing it clears every warning sign. */
  area: RegionSide | null;
}

/** True when a clearance recorded after the latest answers already lifted `f` on area `r` (the answers still raise it there). */
function clearedAt(f: Finding, r: RegionSide): boolean {
  return f.cleared_regions.some((c) => c.region === r.region && (c.side === r.side || c.side === 'both' || c.side === 'midline'));
}

/** The areas still to clear: one a clearance has lifted is not offered again (only answering the questions lifts the rest of it there). */
function choicesOf(f: Finding, i: number): Choice[] {
  if (f.regions.length === 0) return [{ key: `${i}-all`, area: null }];
  return f.regions.filter((r) => !clearedAt(f, r)).map((r) => ({ key: `${i}-${r.region}-${r.side}`, area: r }));
}

/**
 * The warning signs a clearance lifts: the findings in force "until cleared",
 * but not one a recorded clearance has lifted on every area (only the
 * client's latest answers hold it; they answer the safety questions again).
 */
export function awaitingClearance(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.until_cleared && !fullyCleared(f));
}

export function ClientClearanceForm({
  client,
  clientName,
  findings,
  today,
  onSaved,
}: {
  client: number;
  clientName: string;
  /** The client's findings in force until cleared (awaitingClearance); none when they do not share their screening (then only every warning sign can be cleared). */
  findings: Finding[];
  today: string;
  onSaved: (entry: ClearanceEntry) => void;
}) {
  const names = useNames();
  const [ticked, setTicked] = useState<string[]>([]);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  // No findings given: the client does not share their screening, and the one choice is every warning sign.
  const blind = findings.length === 0;
  const all = blind ? [{ key: 'every', area: null }] : findings.flatMap((f, i) => choicesOf(f, i));
  const chosen = all.filter((c) => ticked.includes(c.key));
  const everything = chosen.some((c) => c.area === null);

  const toggle = (key: string) => setTicked(ticked.includes(key) ? ticked.filter((k) => k !== key) : [...ticked, key]);

  async function submit(e: Event) {
    e.preventDefault();
    if (chosen.length === 0) {
      setErrors({ regions: 'Tick the areas you clear: nothing is cleared unless you choose it.' });
      return;
    }
    setBusy(true);
    setErrors({});
    // No areas means every warning sign: sent only when a ticked warning sign names no area.
    const regions = everything ? [] : chosen.map((c) => ({ region: c.area!.region, side: c.area!.side }));
    try {
      const [entry] = await api.clearClient(client, { date, regions, note: note.trim() });
      onSaved(entry);
    } catch (err) {
      setErrors(errorsFrom(err));
    } finally {
      setBusy(false);
    }
  }

  const shown = ['regions', 'date', 'note'];
  return (
    <form class="clearance-form" onSubmit={submit} aria-labelledby="client-clearance-title" noValidate data-testid="client-clearance-form">
      <h2 id="client-clearance-title">Record a clearance</h2>
      {blind ? (
        <p class="small" data-testid="clearance-without-screening">
          {clientName} does not share their safety answers with you, so their warning signs are not shown here. Once you
          have seen them and checked it is safe, you can clear every warning sign they have. {clientName} sees your
          name, the day and your note.
        </p>
      ) : (
        <p class="small">
          These warning signs hold {clientName}'s home work on the areas named back until a practitioner clears them.
          Clear only what you have checked. {clientName} sees your name, the day, the areas and your note.
        </p>
      )}
      <fieldset aria-describedby={errors.regions ? 'client-clearance-regions-error' : undefined}>
        <legend>What you clear</legend>
        {blind ? (
          <div class="checks">
            <label class="check">
              <input type="checkbox" name="area" checked={ticked.includes('every')} onChange={() => toggle('every')} />
              <span>Every warning sign {clientName} has, on every area</span>
            </label>
          </div>
        ) : null}
        {findings.map((f, i) => (
          <div key={f.rule + i} class="clearance-finding" data-rule={f.rule}>
            <p>
              <strong>{levelWords[f.level]}</strong>
              {f.raised ? `, raised on ${longDate(f.raised)}` : ''}: {f.advice}
            </p>
            {f.carried ? null : (
              <p class="small" data-testid="still-answered">
                {clientName}'s latest safety answers still say yes to this: it stays in force, even once cleared, until
                they answer the safety questions again.
              </p>
            )}
            <div class="checks">
              {choicesOf(f, i).map((c) => (
                <label key={c.key} class="check">
                  <input type="checkbox" name="area" checked={ticked.includes(c.key)} onChange={() => toggle(c.key)} />
                  <span>
                    {c.area
                      ? `${names.of('regions', c.area.region)} (${sideWord(c.area.side)})`
                      : 'This warning sign (it names no area, so every warning sign is cleared)'}
                  </span>
                </label>
              ))}
            </div>
          </div>
        ))}
        <FieldError errors={errors} field="regions" id="client-clearance-regions-error" />
      </fieldset>
      <ClearanceDateNote
        prefix="client-clearance"
        today={today}
        date={date}
        note={note}
        dateLabel="The day you saw them"
        noteLabel="Your note to the client (optional)"
        errors={errors}
        onDate={setDate}
        onNote={setNote}
      />
      <OtherErrors errors={errors} shown={shown} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Recording…' : 'Record the clearance'}
      </button>
    </form>
  );
}
