// The link every "see a practitioner" in the app carries when the server gave
// it a finder need (finder_need on a finding, a stop's advice, an area left
// out of the plan, the week-4 review): it opens the finder for that need.
import { linkClick } from '../router';

/**
 * "Find a practitioner near you", to /find?need=NEED; nothing when `need` is
 * null. `newTab`: opens in another tab (during a guided session, so that the
 * session is not left half done).
 */
export function FinderLink({ need, newTab }: { need: string | null | undefined; newTab?: boolean }) {
  if (!need) return null;
  const href = '/find?need=' + encodeURIComponent(need);
  return (
    <p class="finder-link">
      {newTab ? (
        <a href={href} target="_blank" rel="noopener" data-testid="finder-link" data-need={need}>
          Find a practitioner near you (opens in a new tab)
        </a>
      ) : (
        <a href={href} onClick={linkClick} data-testid="finder-link" data-need={need}>
          Find a practitioner near you
        </a>
      )}
    </p>
  );
}
