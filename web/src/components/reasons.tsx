// A list of rule reasons in plain words, each with its source named.
import type { Reason, ReasonGroup } from '../types';
import { SourceNote } from './source-note';
import { linkClick } from '../router';
import { sentence } from '../util';
import { SAFETY_QUESTIONS } from './answer-again';

/** Each reason once: a later one with the same rule and words (the same change made to several steps) is dropped. */
export function distinctReasons(reasons: Reason[]): Reason[] {
  const said = new Set<string>();
  return reasons.filter((r) => {
    const key = r.rule + '\u0000' + r.text;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
}

export function Reasons({ reasons, class: cls }: { reasons: Reason[]; class?: string }) {
  if (!reasons.length) return null;
  return (
    <ul class={'reasons ' + (cls ?? '')}>
      {reasons.map((r, i) => (
        <li key={r.rule + i} data-rule={r.rule}>
          {r.text}
          <SourceNote id={r.source} />
        </li>
      ))}
    </ul>
  );
}

/** The rules a check-in releases: their reasons link to the page that records one. */
const CHECK_IN_RULES = new Set(['reaction-unresolved', 'reaction-unconfirmed']);

/** The text without a terminal command in brackets, "(fascia log checkin)": the page links to it instead. */
function withoutTerminalCommand(text: string): string {
  return text.replace(/ \(fascia [a-z -]+\)/g, '');
}

/**
 * Reasons grouped by the server (`why_not_today`): one item per rule, its
 * areas named once before the text. The text already writes any date in the
 * same long style as the page headings.
 */
export function GroupedReasons({ groups }: { groups: ReasonGroup[] }) {
  if (!groups.length) return null;
  return (
    <ul class="reasons" data-testid="why-not-today-reasons">
      {groups.map((g, i) => (
        <li key={g.rule + i} data-rule={g.rule}>
          {g.areas.length ? <strong>{g.areas.map((a) => a.name).join(', ')}: </strong> : null}
          {withoutTerminalCommand(g.text)}
          {CHECK_IN_RULES.has(g.rule) ? (
            <>
              {' — '}
              <a
                href={g.text.includes('in clinic') || g.text.includes('fascia log reaction') ? '/journal?kind=reaction' : '/check-in'}
                onClick={linkClick}
              >
                Check in
              </a>
            </>
          ) : null}
          <SourceNote id={g.source} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The screen shown in place of a plan or session when screening forbids one;
 * `next` is what must happen first (the API's Today `next_condition`), said
 * when known, with the link to the safety questions.
 */
export function BlockedNotice({ reasons, next }: { reasons: Reason[]; next?: string | null }) {
  return (
    <div class="blocked-notice" role="alert" data-testid="plan-blocked">
      <h2>No self-treatment plan for now</h2>
      <p>Your safety answers mean self-treatment should wait. Here is what to do instead:</p>
      <Reasons reasons={reasons} />
      {next ? (
        <p data-testid="next-condition">
          <strong>What happens next:</strong> {sentence(`your next session comes ${next}`)}
        </p>
      ) : null}
      <p>
        When a doctor or practitioner has checked you,{' '}
        <a href={SAFETY_QUESTIONS} onClick={linkClick} data-testid="answer-again-link">
          answer the safety questions again
        </a>
        .
      </p>
    </div>
  );
}
