// The one control for a 0–10 numeric rating scale (NRS: pain, soreness): a
// select of 0 to 10, optionally with a "Choose…" entry so nothing is
// pre-chosen. The value is text: "" (not chosen) or "0".."10".
import { range } from '../util';

export function NrsSelect({
  id,
  value,
  onChange,
  choose = false,
  chooseLabel = 'Choose…',
  invalid = false,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Offer an empty "Choose…" first, for a score that must be picked on purpose. */
  choose?: boolean;
  /** The words of that empty entry, e.g. "Not recorded" for a score that may be left out. */
  chooseLabel?: string;
  invalid?: boolean;
}) {
  return (
    <select id={id} value={value} aria-invalid={invalid ? true : undefined} onChange={(e) => onChange(e.currentTarget.value)}>
      {choose ? <option value="">{chooseLabel}</option> : null}
      {range(0, 10).map((n) => (
        <option key={n} value={String(n)}>
          {n}
        </option>
      ))}
    </select>
  );
}
