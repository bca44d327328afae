// A very small history-API router: the path decides the view; links call
// navigate() so the page never reloads.
import { useEffect, useState } from 'preact/hooks';

type Listener = () => void;
const listeners = new Set<Listener>();

export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) {
    listeners.forEach((l) => l());
    return;
  }
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export interface Route {
  path: string;
  query: URLSearchParams;
}

/** Other addresses of a page: /today is the Today page, whose address is /. */
const ALIASES: Record<string, string> = { '/today': '/' };

/** The current route, with a trailing slash dropped and an alias (ALIASES) read as its page's own path. */
export function useRoute(): Route {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((t) => t + 1);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  const path = location.pathname.replace(/\/+$/, '') || '/';
  return { path: ALIASES[path] ?? path, query: new URLSearchParams(location.search) };
}

/** Handles a click on an in-app link without reloading the page. */
export function linkClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.currentTarget as HTMLAnchorElement | null) ?? null;
  if (!a) return;
  const href = a.getAttribute('href');
  if (!href || !href.startsWith('/')) return;
  e.preventDefault();
  navigate(href);
}
