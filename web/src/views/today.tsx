// Home: what is due today (with a button to start it), or why nothing is and
// when the next session is; with no next date, what must happen first (the
// API's `next_condition`) and the page that does it: the safety questions
// when the person's screening findings hold the plan back, else My details.
import { api } from '../api';
import { useApp } from '../app-context';
import { SAFETY_QUESTIONS } from '../components/answer-again';
import { BlockedNotice, GroupedReasons } from '../components/reasons';
import { linkClick, navigate } from '../router';
import type { Clearance, PlannedSession, Reason } from '../types';
import { isAlarm, LoadError, Loading, longDate, Page, sentence, sideWord, useLoad } from '../util';
import { stepCards } from './session';

export function SessionSummary({ s }: { s: PlannedSession }) {
  const cards = stepCards(s);
  return (
    <p class="muted">
      {s.target_region ? `${s.steps[0]?.region_name ?? s.target_region}, ${sideWord(s.side)}. ` : ''}
      {cards.length} step cards.
    </p>
  );
}

/** True when a screening finding is among the reasons: answering the safety questions again is, or may be, the way on. */
function heldByScreening(reasons: Reason[], clearance: Clearance | null): boolean {
  const rules = new Set((clearance?.findings ?? []).map((f) => f.rule));
  return reasons.some((r) => rules.has(r.rule));
}

/** What must happen before the next session, in words, with a link to the page that does it. */
function NextCondition({ condition, screening }: { condition: string; screening: boolean }) {
  return (
    <div class="notice" data-testid="next-condition">
      <p>
        <strong>What happens next:</strong> {sentence(`your next session comes ${condition}`)}
      </p>
      <p>
        {screening ? (
          <a href={SAFETY_QUESTIONS} onClick={linkClick} class="button-link" data-testid="answer-again-link">
            Answer the safety questions again
          </a>
        ) : (
          <a href="/setup" onClick={linkClick} class="button-link">
            Change my details
          </a>
        )}
      </p>
    </div>
  );
}

export function TodayPage() {
  const app = useApp();
  const today = useLoad(() => api.today());
  const t = today.data;
  return (
    <Page title="Today">
      <p class="date-line">{longDate(app.me.today)}</p>
      {today.error ? (
        today.error.code === 'safety' || isAlarm(app.clearance?.level) ? (
          <BlockedNotice reasons={[]} />
        ) : (
          <LoadError error={today.error} retry={today.reload} />
        )
      ) : null}
      {today.loading && !t ? <Loading what="today" /> : null}
      {t ? (
        t.blocked ? (
          <BlockedNotice reasons={t.blocked_by} next={t.next_condition} />
        ) : (
          <>
            {t.review_due ? (
              <div class="notice">
                <p>
                  <strong>Your week-4 review is due.</strong> See how the last weeks went on the{' '}
                  <a href="/progress" onClick={linkClick}>
                    progress page
                  </a>
                  .
                </p>
              </div>
            ) : null}
            {t.finished ? <p class="notice">Your program has ended. Well done for seeing it through.</p> : null}
            {t.due.length ? (
              <>
                <h2>Due today</h2>
                <ul class="cards-list">
                  {t.due.map((s) => (
                    <li key={s.protocol} class="due-session">
                      <h3>{s.protocol_name}</h3>
                      <SessionSummary s={s} />
                      <button
                        type="button"
                        class="primary big"
                        onClick={() => navigate('/session?protocol=' + encodeURIComponent(s.protocol))}
                      >
                        Start {s.protocol_name}
                      </button>
                    </li>
                  ))}
                </ul>
                {t.not_today.length ? (
                  <div data-testid="not-today-others">
                    <p>Not today:</p>
                    <GroupedReasons groups={t.why_not_today} />
                  </div>
                ) : null}
              </>
            ) : (
              <>
                <h2>{t.due_after_checkin.length ? 'Check in first' : 'No session today'}</h2>
                {t.due_after_checkin.length ? (
                  <div class="notice" data-testid="due-after-checkin">
                    <p>
                      Once you log a check-in after your last instrument work, with redness and soreness settled,
                      today's session can be done: {t.due_after_checkin.map((s) => s.protocol_name).join(' and ')}.
                    </p>
                    <p>
                      <a href="/check-in" onClick={linkClick} class="button-link">
                        Check in now
                      </a>
                    </p>
                  </div>
                ) : null}
                {t.next ? (
                  <p>
                    {t.due_after_checkin.length
                      ? `If redness or soreness has not settled yet, the next planned session is on ${longDate(t.next)}, after a settled check-in.`
                      : `Your next session is on ${longDate(t.next)}.`}
                  </p>
                ) : null}
                {t.not_today.length ? (
                  <>
                    <p>Why not today:</p>
                    <GroupedReasons groups={t.why_not_today} />
                  </>
                ) : (
                  <p>Today is a rest day. Rest lets the worked areas settle.</p>
                )}
                {!t.next && t.next_condition ? (
                  <NextCondition condition={t.next_condition} screening={heldByScreening(t.not_today, app.clearance)} />
                ) : null}
              </>
            )}
          </>
        )
      ) : null}
      <h2>Quick entries</h2>
      <ul class="quick">
        <li>
          <a href="/check-in" onClick={linkClick}>
            Check in after the last instrument work, at home or in clinic (every area at once)
          </a>
        </li>
        <li>
          <a href="/body" onClick={linkClick}>
            Log pain on the body map
          </a>
        </li>
        <li>
          <a href="/journal?kind=reaction" onClick={linkClick}>
            Check in on soreness or redness, habits and notes
          </a>
        </li>
        <li>
          <a href="/plan" onClick={linkClick}>
            See the whole plan
          </a>
        </li>
      </ul>
    </Page>
  );
}
