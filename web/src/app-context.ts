// What every view may need: who is logged in, today's date on the server,
// the latest clearance, and a way to refresh them after a change.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Clearance, Me } from './types';

export interface AppState {
  me: Me;
  clearance: Clearance | null;
  /** Reloads /me and the latest screening; resolves when done. */
  refresh: () => Promise<void>;
  setClearance: (c: Clearance | null) => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const s = useContext(AppContext);
  if (!s) throw new Error('AppContext missing');
  return s;
}
