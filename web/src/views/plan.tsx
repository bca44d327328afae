// The plan as a calendar: session days, rest days, the week-4 review, today.
// A day opens its details below the calendar; on a day without a session the
// reasons come from /today (not_today, next, blocked_by).
import { useState } from 'preact/hooks';
import { loadNames, useNames } from '../names';
import { api } from '../api';
import { useApp } from '../app-context';
import { BlockedNotice, distinctReasons, GroupedReasons, Reasons } from '../components/reasons';
import { FinderLink } from '../components/finder-link';
import { linkClick, navigate } from '../router';
import type { Habit, Plan, PlanDay, Region, Session, TodayView } from '../types';
import {
  addDays,
  LoadError,
  Loading,
  longDate,
  Page,
  parseDate,
  sideWord,
  toApiError,
  unlessMissing,
  useLoad,
  weekdayNames,
  weekdayOf,
  isAlarm,
} from '../util';
import { ApiError } from '../api';
import { SessionSummary } from './today';

interface Data {
  plan: Plan | null;
  planError: ApiError | null;
  today: TodayView | null;
  sessions: Session[];
  regions: Region[];
  habits: Habit[];
  weekdays: number[];
}

async function load(): Promise<Data> {
  const [regions, habits] = await Promise.all([api.regions(), api.habits()]);
  let plan: Plan | null = null;
  let planError: ApiError | null = null;
  try {
    plan = await api.plan();
  } catch (e) {
    const err = toApiError(e);
    if (err.status !== 409) throw e;
    planError = err;
  }
  let today: TodayView | null = null;
  try {
    today = await api.today();
  } catch (e) {
    if (toApiError(e).status !== 409) throw e;
  }
  const sessions = await api.sessions();
  await loadNames();
  const weekdays = (await unlessMissing(api.profile()))?.weekdays ?? [];
  return { plan, planError, today, sessions, regions, habits, weekdays };
}

export function PlanView() {
  const d = useLoad(load);
  const app = useApp();
  return (
    <Page title="My plan" wide>
      {d.error ? <LoadError error={d.error} retry={d.reload} /> : null}
      {d.loading && !d.data ? <Loading what="your plan" /> : null}
      {d.data ? (
        d.data.plan?.blocked || d.data.today?.blocked || isAlarm(app.clearance?.level) ? (
          <BlockedNotice
            reasons={d.data.plan?.blocked_by.length ? d.data.plan.blocked_by : d.data.today?.blocked_by ?? []}
            next={d.data.today?.next_condition}
          />
        ) : d.data.planError ? (
          <div class="blocked-notice" role="alert" data-testid="plan-blocked">
            <h2>No plan yet</h2>
            <p>{d.data.planError.message}</p>
          </div>
        ) : d.data.plan ? (
          <PlanBody data={d.data} plan={d.data.plan} todayDate={app.me.today} />
        ) : null
      ) : null}
    </Page>
  );
}

function monthsBetween(start: string, end: string): string[] {
  const out: string[] = [];
  const d = parseDate(start.slice(0, 7) + '-01');
  const last = end.slice(0, 7);
  for (let i = 0; i < 24; i++) {
    const m = d.toISOString().slice(0, 7);
    out.push(m);
    if (m >= last) break;
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

function PlanBody({ data, plan, todayDate }: { data: Data; plan: Plan; todayDate: string }) {
  const byDate = new Map<string, PlanDay>(plan.days.map((d) => [d.date, d]));
  const logged = new Map<string, Session[]>();
  for (const s of data.sessions) logged.set(s.date, [...(logged.get(s.date) ?? []), s]);
  const first = plan.start < todayDate ? plan.start : todayDate;
  const [picked, setPicked] = useState<string>(todayDate);
  const regionNames = new Map(data.regions.map((r) => [r.id, r.name]));
  const habitNames = new Map(data.habits.map((h) => [h.id, h]));

  const kind = (date: string): string[] => {
    const k: string[] = [];
    if (date === todayDate) k.push('today');
    if (byDate.has(date)) k.push('session');
    if (logged.has(date)) k.push('logged');
    if (date === plan.review) k.push('review');
    if (date < plan.start || date > plan.end) k.push('outside');
    else if (!byDate.has(date) && !logged.has(date)) k.push('rest');
    return k;
  };

  const label = (date: string): string => {
    const k = kind(date);
    const parts: string[] = [];
    if (k.includes('session')) parts.push(byDate.get(date)!.sessions.map((s) => s.protocol_name).join(', '));
    if (k.includes('logged')) parts.push('session done');
    if (k.includes('review')) parts.push('week-4 review');
    if (k.includes('rest')) parts.push('rest day');
    return `${longDate(date)}${k.includes('today') ? ' (today)' : ''}: ${parts.join('; ') || 'outside the program'}`;
  };

  return (
    <>
      {plan.assigned_by ? (
        <p class="notice" data-testid="program-notice">
          This plan follows the home program {plan.assigned_by} ({plan.assigned_clinic}) assigned
          {plan.assigned_on ? ` on ${longDate(plan.assigned_on)}` : ''}.{' '}
          <a href="/program" onClick={linkClick}>
            See the home program
          </a>
        </p>
      ) : null}
      <p>
        Your program runs from {longDate(plan.start)} to {longDate(plan.end)}. The week-4 review is on{' '}
        {longDate(plan.review)}.
      </p>
      <p class="legend">
        <span class="key key-session" aria-hidden="true" /> session <span class="key key-rest" aria-hidden="true" /> rest
        day <span class="key key-review" aria-hidden="true" /> review <span class="key key-today" aria-hidden="true" />{' '}
        today
      </p>
      <div class="calendar">
        {monthsBetween(first, plan.end).map((m) => (
          <Month key={m} month={m} kind={kind} label={label} picked={picked} onPick={setPicked} />
        ))}
      </div>
      <DayDetails
        date={picked}
        day={byDate.get(picked)}
        logged={logged.get(picked) ?? []}
        plan={plan}
        today={data.today}
        todayDate={todayDate}
        weekdays={data.weekdays}
      />
      <details class="plan-list">
        <summary>All planned sessions as a list</summary>
        <ul>
          {plan.days.map((d) => (
            <li key={d.date}>
              {longDate(d.date)}: {d.sessions.map((s) => s.protocol_name).join(', ')}
            </li>
          ))}
        </ul>
      </details>
      {plan.excluded.length ? (
        <section>
          <h2>Areas left out</h2>
          <ul class="excluded">
            {plan.excluded.map((x, i) => (
              <li key={x.region + x.side}>
                <strong>
                  {regionNames.get(x.region) ?? x.region}, {sideWord(x.side)}
                </strong>
                <Reasons reasons={x.reasons} />
                {/* One link per need: the first area left out for it carries it. */}
                <FinderLink need={plan.excluded.findIndex((o) => o.finder_need === x.finder_need) === i ? x.finder_need : null} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {plan.notes.length ? (
        <section>
          <h2>Changes made to fit you</h2>
          <Reasons reasons={distinctReasons(plan.notes)} />
        </section>
      ) : null}
      {plan.habits.length ? (
        <section>
          <h2>Everyday habits that help</h2>
          <ul>
            {plan.habits.map((h) => (
              <li key={h}>
                <strong>{habitNames.get(h)?.name ?? h}</strong>
                {habitNames.get(h)?.description ? <> — {habitNames.get(h)!.description}</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function Month({
  month,
  kind,
  label,
  picked,
  onPick,
}: {
  month: string;
  kind: (d: string) => string[];
  label: (d: string) => string;
  picked: string;
  onPick: (d: string) => void;
}) {
  const first = month + '-01';
  const lead = weekdayOf(first);
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = first; d.slice(0, 7) === month; d = addDays(d, 1)) cells.push(d);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const title = parseDate(first).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (
    <table class="month">
      <caption>{title}</caption>
      <thead>
        <tr>
          {weekdayNames.map((w) => (
            <th key={w} scope="col" abbr={w}>
              {w.slice(0, 2)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((w, i) => (
          <tr key={i}>
            {w.map((d, j) =>
              d ? (
                <td key={d} class={kind(d).join(' ')} data-date={d}>
                  <button
                    type="button"
                    class={d === picked ? 'day picked' : 'day'}
                    aria-label={label(d)}
                    aria-pressed={d === picked}
                    onClick={() => onPick(d)}
                  >
                    <span class="num">{Number(d.slice(8))}</span>
                    <span class="mark" aria-hidden="true">
                      {kind(d).includes('session') ? 'S' : kind(d).includes('logged') ? '✓' : kind(d).includes('review') ? 'R' : ''}
                    </span>
                  </button>
                </td>
              ) : (
                <td key={'e' + j} class="empty" />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayDetails({
  date,
  day,
  logged,
  plan,
  today,
  todayDate,
  weekdays,
}: {
  weekdays: number[];
  date: string;
  day: PlanDay | undefined;
  logged: Session[];
  plan: Plan;
  today: TodayView | null;
  todayDate: string;
}) {
  const isToday = date === todayDate;
  const names = useNames();
  return (
    <section class="day-details" aria-live="polite" data-testid="day-details">
      <h2>
        {longDate(date)}
        {isToday ? ' (today)' : ''}
      </h2>
      {date === plan.review ? (
        <p class="notice">Week-4 review: fascia compares your pain with where you started and tells you whether to go on.</p>
      ) : null}
      {logged.length ? (
        <p>
          Done: {logged.map((s) => names.of('protocols', s.protocol) + (s.stopped ? ' (stopped early)' : '')).join(', ')}.
        </p>
      ) : null}
      {day ? (
        <ul class="cards-list">
          {day.sessions.map((s) => (
            <li key={s.protocol}>
              <h3>{s.protocol_name}</h3>
              <SessionSummary s={s} />
              <ol class="steps-preview">
                {s.steps.map((st) => (
                  <li key={st.index}>
                    {st.technique_name} — {st.region_name}
                    {st.per_side && st.side === 'both' ? ' (each side)' : ''}: {st.target} {st.unit}
                  </li>
                ))}
              </ol>
              {isToday && today?.due.some((x) => x.protocol === s.protocol) ? (
                <button
                  type="button"
                  class="primary"
                  onClick={() => navigate('/session?protocol=' + encodeURIComponent(s.protocol))}
                >
                  Start this session
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : isToday && today ? (
        <div data-testid="why-not-today">
          <p>No session today.{today.next ? ` The next one is on ${longDate(today.next)}.` : ''}</p>
          {today.not_today.length ? (
            <>
              <p>Why not today:</p>
              <GroupedReasons groups={today.why_not_today} />
            </>
          ) : null}
        </div>
      ) : date < plan.start || date > plan.end ? (
        <p>This day is outside your program.</p>
      ) : date < todayDate ? (
        <p>{logged.length ? '' : 'No session was logged on this day.'}</p>
      ) : (
        <p>
          Rest day.{' '}
          {weekdays.includes(weekdayOf(date))
            ? 'Sessions on the same area are spaced out so it can settle between them, within the safety limits.'
            : `${weekdayNames[weekdayOf(date)]} is not one of the days you said you could do a session.`}
        </p>
      )}
    </section>
  );
}
