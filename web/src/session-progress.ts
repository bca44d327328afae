// A guided session in progress, kept in this browser so that a reload, a
// phone that dropped the tab or a tab closed by mistake does not lose the
// steps already done. Only today's steps for one person and one session are
// kept; they are removed when the session is saved, on logout, and when the
// day has passed. Nothing reaches the journal until the session is posted.
import type { SessionEvent } from './types';

const PREFIX = 'fascia.session-progress.';

export interface SavedProgress {
  events: SessionEvent[];
  /** Every card is behind (or a stop ended the session): only the soreness question and saving are left. */
  finished: boolean;
  /** How far the next card got (strokes counted, milliseconds of countdown run) when it was left. */
  current?: { count: number; elapsedMs: number };
}

function partOk(c: unknown): boolean {
  if (c === undefined) return true;
  const p = c as { count?: unknown; elapsedMs?: unknown };
  return (
    typeof p === 'object' &&
    p !== null &&
    Number.isInteger(p.count) &&
    (p.count as number) >= 0 &&
    typeof p.elapsedMs === 'number' &&
    Number.isFinite(p.elapsedMs) &&
    (p.elapsedMs as number) >= 0
  );
}

/** True when the kept progress holds anything: a finished card, strokes or time on the next one. */
export function hasProgress(p: SavedProgress): boolean {
  return p.events.length > 0 || (p.current !== undefined && (p.current.count > 0 || p.current.elapsedMs > 0));
}

function keyFor(person: number, date: string, protocol: string, cards: number): string {
  return `${PREFIX}${person}.${date}.${protocol}.${cards}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: sessions simply are not kept
  }
}

export function sessionProgressStore(person: number, date: string, protocol: string, cards: number) {
  const key = keyFor(person, date, protocol, cards);
  return {
    load(): SavedProgress | null {
      const raw = storage()?.getItem(key);
      if (!raw) return null;
      try {
        const saved = JSON.parse(raw) as SavedProgress;
        const n = Array.isArray(saved.events) ? saved.events.length : 0;
        const ok =
          n <= cards &&
          partOk(saved.current) &&
          hasProgress(saved) &&
          (saved.finished === true || (saved.finished === false && n < cards));
        return ok ? saved : null;
      } catch {
        return null;
      }
    },
    save(progress: SavedProgress): void {
      try {
        storage()?.setItem(key, JSON.stringify(progress));
      } catch {
        // full or disabled: the session goes on, it just is not kept
      }
    },
    clear(): void {
      storage()?.removeItem(key);
    },
  };
}

/** Removes kept sessions: all of them (logout), or those not from `today`. */
export function forgetSessionProgress(today?: string): void {
  const s = storage();
  if (!s) return;
  const stale: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX) && (today === undefined || k.split('.')[3] !== today)) stale.push(k);
  }
  for (const k of stale) s.removeItem(k);
}
