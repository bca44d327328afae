// What fascia sent the person to the finder for (a finder need, from the
// search's answer): its name and what it says, above the results. When the
// need calls for a medical check first, that is said before anything else, in
// plain sight.
import type { FinderNeedView } from '../types';

/** The need's name and words; "A medical check comes first" at the top when medical_first. */
export function NeedNotice({ need }: { need: FinderNeedView }) {
  return (
    <div class={need.medical_first ? 'notice warn need-notice' : 'notice need-notice'} data-testid="need-notice" data-need={need.id}>
      {need.medical_first ? (
        <p class="medical-first" data-testid="medical-first">
          <strong>A medical check comes first.</strong>
        </p>
      ) : null}
      <h3 class="need-name">{need.name}</h3>
      <p>{need.says}</p>
    </div>
  );
}

/** Before the first search of a link that named a need: what the link was for, in one line. */
export function NeedPending() {
  return (
    <p class="notice need-notice" data-testid="need-pending">
      You came here from advice to see a practitioner. Search near you: the practitioners who fit that advice are put
      first, and the advice is shown with them.
    </p>
  );
}
