// Full-screen message for an emergency or urgent screening outcome: what to
// do now, and no way through to a plan. A finding that names a finder need
// links to the practitioner finder (components/findings.tsx), which stays
// reachable from the navigation while this applies.
import { useEffect, useRef } from 'preact/hooks';
import { navigate } from '../router';
import type { Clearance } from '../types';
import { Findings } from '../components/findings';

export function AlarmScreen({ clearance }: { clearance: Clearance }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = (clearance.level === 'emergency' ? 'Get help now' : 'See a doctor today') + ' · fascia';
    heading.current?.focus();
  }, [clearance.level]);
  const emergency = clearance.level === 'emergency';
  return (
    <div class={`alarm ${emergency ? 'alarm-emergency' : 'alarm-urgent'}`} role="alertdialog" aria-modal="true" aria-labelledby="alarm-title" aria-describedby="alarm-what">
      <div class="alarm-inner">
        <h1 id="alarm-title" ref={heading} tabIndex={-1}>
          {emergency ? 'Get help now' : 'See a doctor today'}
        </h1>
        <p id="alarm-what" class="alarm-what">
          {emergency
            ? 'What you described can be a sign of a serious problem. Call your local emergency number (112 in Europe, 911 in North America, 999 in the UK) or have someone take you to an emergency department now. Do not do any self-treatment.'
            : 'What you described needs a doctor to look at it today, before any self-treatment. Contact your doctor or an urgent care service today. If it gets worse, call your local emergency number.'}
        </p>
        <h2>Why</h2>
        <Findings findings={clearance.findings.filter((f) => f.level === clearance.level)} />
        <p>No self-treatment plan is offered while this applies.</p>
        <div class="actions">
          <button type="button" onClick={() => navigate('/screening?again=1')}>
            I have been checked: answer the questions again
          </button>
          <button type="button" onClick={() => navigate('/journal')}>
            Open my journal
          </button>
        </div>
        <p class="disclaimer">fascia gives self-care information, not a diagnosis.</p>
      </div>
    </div>
  );
}
