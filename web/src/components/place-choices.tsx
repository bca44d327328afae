// A place the finder could not settle on (outcome "ambiguous" or
// "not_found"): the server's one line, and each place it offers as a button
// that searches that place's label (which resolves exactly).
import type { PlaceLookup } from '../types';
import { sentence } from '../util';

/** The choices or suggestions of a search's answer; `choose` searches the label picked. */
export function PlaceChoices({ lookup, choose }: { lookup: PlaceLookup; choose: (label: string) => void }) {
  const several = lookup.outcome === 'ambiguous';
  return (
    <div class="notice warn place-choices" data-testid="place-choices" data-outcome={lookup.outcome}>
      <p>{sentence(lookup.message)}</p>
      {lookup.places.length ? (
        <>
          <p>{several ? 'Which one do you mean?' : 'Search one of these instead:'}</p>
          <ul class="choice-buttons">
            {lookup.places.map((p) => (
              <li key={p.id}>
                <button type="button" onClick={() => choose(p.label)}>
                  {p.label}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Check the spelling, or try the nearest larger town.</p>
      )}
    </div>
  );
}
