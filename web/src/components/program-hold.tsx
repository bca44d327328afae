// Whether the person's own safety answers hold their home program back (the
// API's ProgramHold: a warning sign in force that only a practitioner's
// clearance lifts; it says since when, never which answer). Shown with the
// programs on a client's page (client-programs.tsx) and on the person's Home
// program page (views/program.tsx); the server words `reason` for whoever
// asked (the person: contact the practitioner; the practitioner: see them,
// then clear it). Before the person has set up, it says the program is not
// followed yet. Nothing is shown when nothing holds it; "Partly on hold" when
// the rest of its home work still runs.
import type { ProgramHold } from '../types';
import { longDate, sentence } from '../util';

export function ProgramHoldNotice({ hold }: { hold: ProgramHold }) {
  // Before the person has a profile and safety answers no plan follows the
  // program yet: said plainly, without the warning colour (nothing is wrong).
  if (hold.awaiting_setup)
    return (
      <div class="notice" role="status" data-testid="program-awaiting-setup">
        <p>
          <strong>Not followed yet.</strong> {sentence(hold.setup)}
        </p>
      </div>
    );
  if (!hold.held) return null;
  return (
    <div class="notice warn" role="status" data-testid="program-hold">
      <p>
        <strong>
          {hold.partial ? 'Partly on hold' : 'On hold'}
          {hold.since ? ` since ${longDate(hold.since)}` : ''}.
        </strong>{' '}
        {sentence(hold.reason)}
        {hold.partial ? ' The rest of the program goes on as assigned.' : ''}
      </p>
    </div>
  );
}
