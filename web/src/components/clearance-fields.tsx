// What the two clearance forms share: the person's own (clearance-form.tsx,
// POST /clearances) and a linked practitioner's for a client
// (client-clearance-form.tsx, POST /clients/{id}/clearances). The day the
// person was seen (today unless changed; the server refuses a day in the
// future) and the note, each with the server's refusal next to it, and the
// line that says what was recorded.
import type { ClearanceEntry } from '../types';
import { FieldError, type FieldErrors, longDate } from '../util';
import { areaList, type Names } from '../names';

/** The day and the note of a clearance; `prefix` keeps the ids unique on the page. */
export function ClearanceDateNote({
  prefix,
  today,
  date,
  note,
  dateLabel,
  noteLabel,
  errors,
  onDate,
  onNote,
}: {
  prefix: string;
  today: string;
  date: string;
  note: string;
  dateLabel: string;
  noteLabel: string;
  errors: FieldErrors;
  onDate: (v: string) => void;
  onNote: (v: string) => void;
}) {
  return (
    <>
      <div class="field">
        <label for={`${prefix}-date`}>{dateLabel}</label>
        <input
          id={`${prefix}-date`}
          name="date"
          type="date"
          max={today}
          value={date}
          aria-invalid={errors.date ? 'true' : undefined}
          aria-describedby={errors.date ? `${prefix}-date-error` : undefined}
          onInput={(e) => onDate(e.currentTarget.value)}
        />
        <FieldError errors={errors} field="date" id={`${prefix}-date-error`} />
      </div>
      <div class="field">
        <label for={`${prefix}-note`}>{noteLabel}</label>
        <textarea
          id={`${prefix}-note`}
          name="note"
          rows={2}
          maxLength={2000}
          value={note}
          aria-invalid={errors.note ? 'true' : undefined}
          aria-describedby={errors.note ? `${prefix}-note-error` : undefined}
          onInput={(e) => onNote(e.currentTarget.value)}
        />
        <FieldError errors={errors} field="note" id={`${prefix}-note-error`} />
      </div>
    </>
  );
}

/** "Recorded: cleared by pat, North Physio on Monday, 23 November 2026 for Suboccipitals (both sides)." */
export function clearedLine(entry: ClearanceEntry, names: Names): string {
  const what = entry.regions.length
    ? ` for ${areaList(entry.regions, names)}`
    : ' for every warning sign';
  return `Recorded: cleared by ${entry.by} on ${longDate(entry.date)}${what}.`;
}

