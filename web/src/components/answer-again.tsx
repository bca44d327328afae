// The way back to the safety questions once a practitioner's clearance is
// recorded: a warning sign a clearance has lifted but the latest answers still
// raise (the API's Finding `cleared`, `cleared_by`, `cleared_regions`) waits
// only for the questions to be answered again, never for another clearance.
// Used by the findings list, the Progress page's warning-sign history, Today
// and the navigation, so every page gives the same way back.
import type { Finding } from '../types';
import { linkClick } from '../router';
import { areaList, type Names } from '../names';
import { longDate } from '../util';

/** Where the safety questions are asked again (views/screening.tsx). */
export const SAFETY_QUESTIONS = '/screening?again=1';

/** A warning sign that a recorded clearance has lifted on every area: only the latest answers hold it now. */
export function fullyCleared(f: Finding): boolean {
  return f.until_cleared && f.cleared !== null && f.cleared_regions.length === 0;
}

/** True when some warning sign still waits, on some area, for a practitioner's clearance to be recorded. */
export function awaitsClearance(findings: Finding[]): boolean {
  return findings.some((f) => f.until_cleared && !fullyCleared(f));
}

/** The link to the safety questions, with `children` as its words. */
export function AnswerAgainLink({ children }: { children: preact.ComponentChildren }) {
  return (
    <a href={SAFETY_QUESTIONS} onClick={linkClick} data-testid="answer-again-link">
      {children}
    </a>
  );
}

/**
 * "Cleared by Dr Lee on Monday, 23 November 2026 (for …). Your latest safety
 * answers still say yes to this: answer the safety questions again." For a
 * finding with `cleared` set; nothing otherwise.
 */
export function ClearedAnswerAgain({ f, names }: { f: Finding; names: Names }) {
  if (!f.cleared) return null;
  const where = f.cleared_regions.length ? ` for ${areaList(f.cleared_regions, names)}` : '';
  return (
    <p class="answer-again" data-testid="answer-again">
      Cleared by {f.cleared_by} on {longDate(f.cleared)}
      {where}. Your latest safety answers still say yes to this, so{' '}
      {f.cleared_regions.length ? 'for those areas ' : ''}
      <AnswerAgainLink>answer the safety questions again</AnswerAgainLink>
      {f.cleared_regions.length ? '; the other areas stay out until a practitioner clears them' : ''}.
    </p>
  );
}
