// Small shared pieces: loading data, showing errors next to fields, dates,
// names for the words the API uses.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { ApiError } from './api';
import type { ClearanceLevel, Side } from './types';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` on mount and when `deps` change; keeps the last answer through
 * a passing failure, not when access is gone (401, 403, 404).
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  useEffect(() => {
    setLoading(true);
    load().then(
      (d) => {
        if (!alive.current) return;
        setData(d);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (!alive.current) return;
        const error = toApiError(e);
        // Access gone (signed out, link revoked, no longer there): what was
        // shown must not stay on screen under the error. A passing failure
        // (offline, busy) keeps it, so that nothing on screen is lost.
        if (error.status === 401 || error.status === 403 || error.status === 404) setData(undefined);
        setError(error);
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, 'client', e instanceof Error ? e.message : String(e));
}

/** The answer, or null when the server has nothing saved yet (404): a new person's profile or screening. */
export async function unlessMissing<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (e) {
    if (toApiError(e).status === 404) return null;
    throw e;
  }
}

/** Errors keyed by the API's dotted field name ("" for errors without a field). */
export type FieldErrors = Record<string, string>;

/**
 * The server's refusal keyed by field: each of its problems next to its own
 * field when it found several, else its one message. With `labels` (the
 * form's label for each field name the server may give, e.g.
 * "regions[0].side": "Side of area 1"), the message is put in plain words
 * (plainMessage); without, the field's dotted name the message begins with
 * is dropped (the form shows the message next to that field).
 */
export function errorsFrom(e: unknown, labels?: Record<string, string>): FieldErrors {
  const err = toApiError(e);
  if (err.problems?.length) {
    const out: FieldErrors = {};
    for (const p of err.problems) out[p.field] = out[p.field] ? `${out[p.field]}; ${p.message}` : p.message;
    return out;
  }
  const field = err.field ?? '';
  if (labels) return { [field]: plainMessage(err.message, labels) };
  const prefix = field + ': ';
  return { [field]: field && err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message };
}

/**
 * A server message for a person: the field name it starts with, after any
 * "what: " context ("minutes 300 is not allowed; …", "clinic treatment: date
 * 2026-11-24 is in the future"), becomes that field's label, with a colon
 * unless a verb follows ("Minutes: 300 is not allowed; enter a number from 1
 * to 240", "Minutes is required"); ISO dates are written long; the whole is
 * a sentence. A message naming no field of `labels` keeps its words. (Its
 * number ranges are already in words: api.ts plainRanges.)
 */
export function plainMessage(message: string, labels: Record<string, string>): string {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let out = message;
  for (const field of Object.keys(labels).sort((a, b) => b.length - a.length)) {
    const at = new RegExp(`^(?:[\\w ]+: )?${escape(field)}(:?)(?=\\s|$)`);
    const m = at.exec(out);
    if (m) {
      const rest = out.slice(m[0].length);
      // "minutes is required" keeps its verb; "minutes 300 is not allowed …" gets a colon after the label.
      const colon = m[1] || !/^ (is|are|must|has|contains)\b/.test(rest) ? ':' : '';
      out = labels[field] + colon + rest;
      break;
    }
  }
  return sentence(out.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => longDate(d)));
}

export function FieldError({ errors, field, id }: { errors: FieldErrors; field: string; id?: string }) {
  const msg = errors[field];
  if (!msg) return null;
  return (
    <p class="field-error" id={id} role="alert">
      {msg}
    </p>
  );
}

/** Messages whose field is not shown anywhere else on the form. */
export function OtherErrors({ errors, shown }: { errors: FieldErrors; shown: string[] }) {
  const rest = Object.entries(errors).filter(([f]) => !shown.includes(f));
  if (rest.length === 0) return null;
  return (
    <div class="error-box" role="alert">
      {rest.map(([f, m]) => (
        <p key={f}>
          {m}
          {f ? <span class="muted"> ({f})</span> : null}
        </p>
      ))}
    </div>
  );
}

export function LoadError({ error, retry }: { error: ApiError; retry?: () => void }) {
  return (
    <div class="error-box" role="alert">
      <p>{error.message}</p>
      {retry ? (
        <button type="button" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function Loading({ what }: { what?: string }) {
  return (
    <p class="muted" role="status">
      Loading{what ? ' ' + what : ''}…
    </p>
  );
}

export function Page({ title, children, wide }: { title: string; children: ComponentChildren; wide?: boolean }) {
  useEffect(() => {
    document.title = title + ' · fascia';
  }, [title]);
  return (
    <section class={wide ? 'page wide' : 'page'} aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const weekdayNames = WEEKDAYS;

/** Parses YYYY-MM-DD as a UTC date so no time zone shifts the day. */
export function parseDate(s: string): Date {
  const [y, m, d] = s.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}
export function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
export function addDays(s: string, n: number): string {
  const d = parseDate(s);
  d.setUTCDate(d.getUTCDate() + n);
  return formatDate(d);
}
/** 0 = Monday .. 6 = Sunday, as the profile's weekdays. */
export function weekdayOf(s: string): number {
  return (parseDate(s).getUTCDay() + 6) % 7;
}
export function longDate(s: string): string {
  return parseDate(s).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
/** "Mon 23 Nov 2026": for table cells on a narrow screen. */
export function mediumDate(s: string): string {
  return parseDate(s).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
export function shortDate(s: string): string {
  return parseDate(s).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

export function sideWord(side: Side): string {
  switch (side) {
    case 'left':
      return 'left side';
    case 'right':
      return 'right side';
    case 'both':
      return 'both sides';
    case 'midline':
      return 'middle';
  }
}

export const levelWords: Record<ClearanceLevel, string> = {
  cleared: 'Fine to start',
  'self-care-with-cautions': 'Fine to start, with some care',
  'see-practitioner-first': 'See a practitioner first',
  urgent: 'See a doctor today',
  emergency: 'Get help now',
};

export function isAlarm(level: ClearanceLevel | undefined): boolean {
  return level === 'emergency' || level === 'urgent';
}

/** Whether a form's `text` is a whole number from `min` to `max` (or empty, when `optional`). */
export function isWholeIn(text: string, min: number, max: number, optional = false): boolean {
  if (text.trim() === '') return optional;
  const n = Number(text);
  return Number.isInteger(n) && n >= min && n <= max;
}

export function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** A UTC time from the API ("2026-11-30T10:15:27Z") in the reader's own time zone: "Mon, 30 Nov 2026, 10:15". */
export function localTime(utc: string): string {
  const d = new Date(utc);
  if (Number.isNaN(d.getTime())) return utc;
  return d.toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The same day as localTime, without the time of day: "30 Nov 2026". */
export function localDay(utc: string): string {
  const d = new Date(utc);
  if (Number.isNaN(d.getTime())) return utc;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A one-line message of the server ("this client does not share …") as a sentence: a capital first, a full stop last. */
export function sentence(m: string): string {
  const t = m.trim();
  return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
}
