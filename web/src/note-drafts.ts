// A visit note being written, kept in this browser until it is saved, so
// that a save the server refuses (the client revoked the link meanwhile, the
// server was unreachable) or a closed tab never throws the practitioner's
// text away. One draft per practitioner, client and note (a new note, or an
// amendment of note N); removed when it is saved, when the practitioner
// cancels or discards it, and on logout (a shared clinic computer keeps no
// client's words after its user has left). Signed out without logging out
// (the session expired, the account was deactivated), the draft stays until
// its practitioner logs in again, or is removed when anyone else does, or from
// the log-in page's button. Nothing reaches the server until the note is saved.

const PREFIX = 'fascia.note-draft.';

/** The form's fields as typed: the SOAP parts, and the visit day (a new note) or the reason (an amendment). */
export interface NoteDraft {
  date?: string;
  reason?: string;
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
}

/** A kept draft and which note it is for: a new note, or an amendment of note `amends`. */
export interface KeptDraft {
  draft: NoteDraft;
  amends: number | null;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: drafts simply are not kept
  }
}

function keyFor(practitioner: number, client: number, amends: number | null): string {
  return `${PREFIX}${practitioner}.${client}.${amends === null ? 'new' : amends}`;
}

function isDraft(d: unknown): d is NoteDraft {
  const x = d as Record<string, unknown>;
  return (
    typeof x === 'object' &&
    x !== null &&
    ['subjective', 'objective', 'assessment', 'plan'].every((k) => typeof x[k] === 'string') &&
    (x.date === undefined || typeof x.date === 'string') &&
    (x.reason === undefined || typeof x.reason === 'string')
  );
}

/** True when the draft holds any text worth keeping. */
export function hasText(d: NoteDraft): boolean {
  return [d.subjective, d.objective, d.assessment, d.plan, d.reason ?? ''].some((t) => t.trim() !== '');
}

export type NoteDraftStore = ReturnType<typeof noteDraftStore>;

export function noteDraftStore(practitioner: number, client: number, amends: number | null) {
  const key = keyFor(practitioner, client, amends);
  return {
    load(): NoteDraft | null {
      const raw = storage()?.getItem(key);
      if (!raw) return null;
      try {
        const d: unknown = JSON.parse(raw);
        return isDraft(d) && hasText(d) ? d : null;
      } catch {
        return null;
      }
    },
    save(draft: NoteDraft): void {
      try {
        if (hasText(draft)) storage()?.setItem(key, JSON.stringify(draft));
        else storage()?.removeItem(key);
      } catch {
        // full or disabled: the form keeps the text, it just is not kept beyond the page
      }
    },
    clear(): void {
      storage()?.removeItem(key);
    },
  };
}

/** Every draft `practitioner` keeps for `client`, new note first, then amendments by note. */
export function keptDrafts(practitioner: number, client: number): KeptDraft[] {
  const s = storage();
  if (!s) return [];
  const out: KeptDraft[] = [];
  const prefix = `${PREFIX}${practitioner}.${client}.`;
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (!k?.startsWith(prefix)) continue;
    const which = k.slice(prefix.length);
    const amends = which === 'new' ? null : Number(which);
    if (amends !== null && !Number.isInteger(amends)) continue;
    const draft = noteDraftStore(practitioner, client, amends).load();
    if (draft) out.push({ draft, amends });
  }
  return out.sort((a, b) => (a.amends ?? -1) - (b.amends ?? -1));
}

/** The keys of kept drafts whose practitioner `keep` does not accept. */
function draftKeys(keep: (practitioner: number) => boolean): string[] {
  const s = storage();
  if (!s) return [];
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX) && !keep(Number(k.slice(PREFIX.length).split('.')[0]))) keys.push(k);
  }
  return keys;
}

/** Removes every kept draft (logout, or the log-in page's button). */
export function forgetNoteDrafts(): void {
  for (const k of draftKeys(() => false)) storage()?.removeItem(k);
}

/** Removes the drafts of every practitioner but `practitioner` (someone logged in: another's words are not theirs to keep). */
export function forgetOthersNoteDrafts(practitioner: number): void {
  for (const k of draftKeys((p) => p === practitioner)) storage()?.removeItem(k);
}

/** True when this browser keeps any unsaved visit note. */
export function anyNoteDraftKept(): boolean {
  return draftKeys(() => false).length > 0;
}
