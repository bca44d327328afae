// Words shared by the care pages (sharing, clients, clinic): the parts of a
// person's data a link can share, what each part holds, and the roles.
import type { ClientPart } from './api';
import type { Role, Sharing } from './types';

export interface Part {
  id: ClientPart;
  /** The part's name in a sentence: "your journal". */
  name: string;
  /** For a tab or a short list. */
  label: string;
  /** One plain sentence: what sharing this part lets the practitioner see. */
  says: string;
}

export const PARTS: Part[] = [
  {
    id: 'journal',
    name: 'journal',
    label: 'Journal',
    says: 'Your journal: pain scores, soreness and skin checks, habits, notes, and treatments you had elsewhere.',
  },
  {
    id: 'sessions',
    name: 'sessions',
    label: 'Sessions',
    says: 'Your sessions: each session you did, every step done or skipped, and any you stopped early and why.',
  },
  {
    id: 'screening',
    name: 'safety answers',
    label: 'Screening',
    says: 'Your safety questions: your answers, what they meant for your plan, and any clearances you recorded.',
  },
];

/** "journal and sessions", or "" when nothing is shared. */
export function sharedWords(share: Sharing): string {
  const on = PARTS.filter((p) => share[p.id]).map((p) => p.name);
  if (on.length <= 1) return on.join('');
  return on.slice(0, -1).join(', ') + ' and ' + on[on.length - 1];
}

export const roleWords: Record<Role, string> = {
  person: 'person',
  practitioner: 'practitioner',
  clinic_admin: 'clinic administrator',
};
