// Whether the person's own safety answers hold their home program back (the
// API's ProgramHold: a warning sign in force that only a practitioner's
// clearance lifts; it says since when, never which answer). Shown with the
// programs on a client's page (client-programs.tsx, the server's words to the
// practitioner) and on the person's Home program page (views/program.tsx,
// in the person's own words). Nothing is shown when nothing holds it.
import type { ProgramHold } from '../types';
import { longDate, sentence } from '../util';

export function ProgramHoldNotice({ hold, own }: { hold: ProgramHold; own?: boolean }) {
  if (!hold.held) return null;
  return (
    <div class="notice warn" role="status" data-testid="program-hold">
      <p>
        <strong>On hold{hold.since ? ` since ${longDate(hold.since)}` : ''}.</strong>{' '}
        {own
          ? 'A warning sign in your safety answers holds your home program back until a practitioner has checked you and a clearance is recorded.'
          : sentence(hold.reason)}
      </p>
    </div>
  );
}
