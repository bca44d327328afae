// Whether the person's own safety answers hold their home program back (the
// API's ProgramHold: a warning sign in force that only a practitioner's
// clearance lifts; it says since when, never which answer). Shown with the
// programs on a client's page (client-programs.tsx) and on the person's Home
// program page (views/program.tsx); the server words `reason` for whoever
// asked (the person: contact the practitioner; the practitioner: see them,
// then clear it). Nothing is shown when nothing holds it.
import type { ProgramHold } from '../types';
import { longDate, sentence } from '../util';

export function ProgramHoldNotice({ hold }: { hold: ProgramHold }) {
  if (!hold.held) return null;
  return (
    <div class="notice warn" role="status" data-testid="program-hold">
      <p>
        <strong>On hold{hold.since ? ` since ${longDate(hold.since)}` : ''}.</strong> {sentence(hold.reason)}
      </p>
    </div>
  );
}
