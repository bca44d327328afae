// One place that turns knowledge-base ids into the names people read. Every
// view that shows a protocol, region, technique, tool, kit, edge, habit,
// treatment, stop sign, pain location, question or source asks here instead of
// printing the id. The lists come from GET /api/v1/kb/{kind} (cached by
// api.ts); an id the lists do not know is shown as it is.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import type { RegionSide, Session } from './types';
import { sideWord } from './util';

/** The knowledge-base kinds that have a name (or, for questions, a text) for each id. */
export type NamedKind =
  | 'regions'
  | 'protocols'
  | 'techniques'
  | 'tools'
  | 'kits'
  | 'edges'
  | 'chains'
  | 'habits'
  | 'treatments'
  | 'stop-signs'
  | 'locations'
  | 'questions'
  | 'sources';

export interface Names {
  /** The name of `id` among `kind`; the id itself when the kind has no such entry. */
  of: (kind: NamedKind, id: string) => string;
}

interface Named {
  id: string;
  name?: string;
  text?: string;
  title?: string; // sources
}

const KINDS: NamedKind[] = [
  'regions',
  'protocols',
  'techniques',
  'tools',
  'kits',
  'edges',
  'chains',
  'habits',
  'treatments',
  'stop-signs',
  'locations',
  'questions',
  'sources',
];

let loaded: Promise<Names> | null = null;
let ready: Names | null = null;

/** Loads every named list once (a failed load is retried on the next call). */
export function loadNames(): Promise<Names> {
  if (!loaded) {
    loaded = Promise.all(KINDS.map((k) => api.kbList<Named>(k))).then((lists) => {
      const maps = new Map<NamedKind, Map<string, string>>();
      KINDS.forEach((k, i) => maps.set(k, new Map(lists[i].map((e) => [e.id, e.name ?? e.text ?? e.title ?? e.id]))));
      ready = { of: (kind, id) => maps.get(kind)?.get(id) ?? id };
      return ready;
    });
    loaded.catch(() => (loaded = null));
  }
  return loaded;
}

/** Before the lists arrive: an empty string, never the id. */
const PENDING: Names = { of: () => '' };

/**
 * The names for a view; re-renders once they are loaded. A view whose load
 * function also awaits loadNames() has them on its first render.
 */
export function useNames(): Names {
  const [names, setNames] = useState<Names>(ready ?? PENDING);
  useEffect(() => {
    let alive = true;
    loadNames().then(
      (n) => alive && setNames(n),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, []);
  return names;
}

/** Areas with their sides, in words: "Base of the skull (both sides), Side of the neck, deep (scalenes) (left side)". */
export function areaList(areas: RegionSide[], names: Names): string {
  return areas.map((r) => `${names.of('regions', r.region)} (${sideWord(r.side)})`).join(', ');
}

/**
 * What a stopped session was stopped for, for a journal line: ": Numbness or
 * tingling and Pain that spreads" (every sign reported, the most severe
 * first), or "" when no sign was recorded.
 */
export function stopSignWords(session: Pick<Session, 'stop_sign' | 'other_stop_signs'>, names: Names): string {
  const signs = [session.stop_sign, ...session.other_stop_signs].filter((s) => s);
  if (!signs.length) return '';
  const words = signs.map((s) => names.of('stop-signs', s));
  return ': ' + (words.length === 1 ? words[0] : words.slice(0, -1).join(', ') + ' and ' + words[words.length - 1]);
}
