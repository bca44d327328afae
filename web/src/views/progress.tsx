// Progress: a pain chart per region with the meaningful-change band (baseline
// ± the meaningful change; a change counts when it reaches the points or the
// percent, Farrar et al. 2001), weekly adherence, the week-4 review and every
// change the rules made, with reasons. Every chart has a table beside it.
import { useEffect, useRef } from 'preact/hooks';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { api } from '../api';
import { AnswerAgainLink, awaitsClearance } from '../components/answer-again';
import { ClearanceForm } from '../components/clearance-form';
import { Reasons } from '../components/reasons';
import { FinderLink } from '../components/finder-link';
import { SourceNote } from '../components/source-note';
import { loadNames, useNames, type Names } from '../names';
import type { Finding, FindingHistory, Progress, Region, RegionSide, RegionTrend, ReviewState } from '../types';
import { levelWords, LoadError, Loading, longDate, mediumDate, Page, shortDate, sideWord, unlessMissing, useLoad } from '../util';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip, Legend, BarController, BarElement);

/** The smallest change from baseline that counts as meaningful: the points, or the percent of the baseline. */
export function meaningfulThreshold(baseline: number, mc: { points: number; percent: number }): number {
  const byPercent = (baseline * mc.percent) / 100;
  return Math.min(mc.points, byPercent > 0 ? byPercent : mc.points);
}

function useChart(config: () => ChartConfiguration, deps: unknown[]) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = new Chart(ref.current, config());
    return () => chart.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}

const REVIEW_WORDS: Record<ReviewState, string> = {
  'not-yet': 'Not yet: the review comes in week 4.',
  improving: 'Improving: your pain has dropped by a meaningful amount.',
  'not-improving': 'See a practitioner (why, below).',
  'no-data': 'Not enough pain entries to tell.',
};

export function ProgressView() {
  const d = useLoad(async () => {
    // The latest screening says which warning signs the latest answers still raise (WarningSignHistory).
    const [progress, regions, screening] = await Promise.all([
      api.progress(),
      api.regions(),
      unlessMissing(api.screening()),
      loadNames(), // names ready before the body shows
    ]);
    return { progress, regions, findings: screening?.clearance.findings ?? [] };
  });
  return (
    <Page title="Progress" wide>
      {d.error ? <LoadError error={d.error} retry={d.reload} /> : null}
      {d.loading && !d.data ? <Loading what="your progress" /> : null}
      {d.data ? <ProgressBody p={d.data.progress} regions={d.data.regions} findings={d.data.findings} reload={d.reload} /> : null}
    </Page>
  );
}

/**
 * Who put a clearance on record, for the person or (with `client`) their
 * practitioner: signed by a linked practitioner's own account, or entered by
 * the person naming who cleared them.
 */
function recordedBy(byPractitioner: boolean, client: unknown): string {
  if (byPractitioner) return client ? 'signed in fascia by the practitioner' : 'signed by them in fascia';
  return client ? 'entered by the client, not signed by a practitioner' : 'as you entered it';
}

/**
 * The progress page's body. `client` is set when a practitioner reads a
 * client's progress: the words speak of "they", adherence is shown only when
 * the client shares sessions, and there is no clearance form (a practitioner
 * clears from the client's screening). `findings` are the person's latest
 * screening findings (none for a client).
 */
export function ProgressBody({
  p,
  regions,
  findings = [],
  reload,
  client,
}: {
  p: Progress;
  regions: Region[];
  findings?: Finding[];
  reload: () => void;
  client?: { sessionsShared: boolean };
}) {
  const rn = new Map(regions.map((r) => [r.id, r.name]));
  const mc = p.meaningful_change;
  return (
    <>
      <p>
        A change in pain counts as meaningful when it reaches {mc.points} points or {mc.percent}% of where you started,
        whichever comes first. The shaded band on each chart shows changes smaller than that.
      </p>
      <section aria-labelledby="review-title" class={p.review.see_practitioner ? 'notice warn' : 'notice'}>
        <h2 id="review-title">Week-4 review ({longDate(p.review.date)})</h2>
        <p>
          {p.review.state === 'not-improving' && !p.review.see_practitioner
            ? 'No meaningful improvement yet (why, below).'
            : REVIEW_WORDS[p.review.state]}
        </p>
        {p.review.state !== 'not-yet' && (!client || client.sessionsShared) ? (
          <p data-testid="review-adherence">
            {client ? 'They' : 'You'} did {p.review.sessions_done} of the {p.review.sessions_planned} sessions planned
            before the review.
          </p>
        ) : null}
        {p.review.see_practitioner ? (
          <p>
            <strong>Please see a practitioner</strong> before going on.
          </p>
        ) : null}
        <Reasons reasons={p.review.reasons} />
        {p.review.see_practitioner && !client ? <FinderLink need={p.review.finder_need} /> : null}
      </section>

      <h2>Pain by area</h2>
      {p.trends.length === 0 ? <p class="muted">No areas yet.</p> : null}
      {p.trends.map((t) => (
        <TrendChart key={t.region + t.side} t={t} mc={mc} />
      ))}

      {!client || client.sessionsShared ? <AdherenceChart p={p} /> : <p class="muted">Sessions and adherence: not shared.</p>}

      {p.warnings.length ? (
        <section>
          <h2>Warnings</h2>
          <Reasons reasons={p.warnings} class="warn" />
        </section>
      ) : null}
      <section>
        <h2>{client ? 'Changes the rules made, and why' : 'Changes to your plan, and why'}</h2>
        {p.adjustments.length ? (
          <ul class="adjustments">
            {p.adjustments.map((a, i) => (
              <li key={i}>
                <strong>
                  {longDate(a.date)}, {rn.get(a.region) ?? a.region}:
                </strong>{' '}
                {a.reason.text} <SourceNote id={a.reason.source} prefix="(source: " />
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">No changes so far.</p>
        )}
      </section>
      {p.treatments_elsewhere ? <p>Treatments received elsewhere so far: {p.treatments_elsewhere}.</p> : null}
      <WarningSignHistory p={p} findings={findings} onCleared={reload} client={!!client} />
    </>
  );
}

/** Where an area answer applies: its name, and the side when only one. */
function areaText(names: Names, r: RegionSide): string {
  return names.of('regions', r.region) + (r.side === 'left' || r.side === 'right' ? ` (${r.side})` : '');
}

/**
 * Every warning sign raised so far (by an answer, or by a stop sign during a
 * session), whether a recorded clearance has lifted it, and the clearances
 * themselves: the history stays visible after a finding is cleared. Where a
 * clearance has lifted a warning sign that the latest answers (`findings`)
 * still raise, it says that answering the safety questions again is what is
 * left, with the link, and offers no second clearance form for it.
 */
function WarningSignHistory({
  p,
  findings,
  onCleared,
  client,
}: {
  p: Progress;
  findings: Finding[];
  onCleared: () => void;
  client: boolean;
}) {
  const names = useNames();
  if (!p.safety_findings.length && !p.clearances.length) return null;
  // The latest answers' finding of a rule, when a clearance recorded since has lifted it (or some of its areas).
  const answerAgain = (rule: string) => findings.find((f) => f.rule === rule && !f.carried && f.cleared !== null);
  const inForce = p.safety_findings.some((f) => !f.cleared);
  return (
    <section aria-labelledby="warning-history-title" data-testid="warning-history">
      <h2 id="warning-history-title">Warning signs and clearances</h2>
      <p>
        {client
          ? 'A warning sign stays in force until a practitioner clearance is recorded.'
          : 'A warning sign stays in force until you record that a practitioner has checked you.'}
      </p>
      <ul class="adjustments">
        {p.safety_findings.map((f, i) => (
          <li key={f.rule + i} data-rule={f.rule}>
            <strong>{longDate(f.raised)}:</strong> {levelWords[f.level]},{' '}
            {f.stop_sign
              ? `raised by a stop sign in ${client ? 'their' : 'your'} session that day (${f.stop_sign_name})`
              : `because of: ${f.because.map((q) => names.of('questions', q)).join('; ')}`}
            {f.regions.length ? ` — ${f.regions.map((r) => areaText(names, r)).join(', ')}` : ''}{' '}
            <SourceNote id={f.source} prefix="(source: " />
            <br />
            {f.cleared ? `Cleared on ${longDate(f.cleared)} by ${f.cleared_by}.` : <strong>Still in force.</strong>}
            {client ? null : <AnswerAgainNote h={f} latest={answerAgain(f.rule)} names={names} />}
          </li>
        ))}
      </ul>
      {p.clearances.length ? (
        <>
          <h3>Clearances recorded</h3>
          <ul class="adjustments">
            {p.clearances.map((c, i) => (
              <li key={i}>
                {longDate(c.date)}, by {c.by} <span class="muted">({recordedBy(c.by_practitioner, client)})</span>:{' '}
                {c.regions.length ? c.regions.map((r) => areaText(names, r)).join(', ') : 'everything'}
                {c.note ? ` — “${c.note}”` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {inForce && !client && awaitsClearance(findings) ? (
        <ClearanceForm onSaved={onCleared} stillYes={findings.some((f) => f.until_cleared && !f.carried)} />
      ) : null}
    </section>
  );
}

/**
 * Under one history entry: when a clearance recorded after the latest answers
 * lifted it (all of it, for a cleared entry; some areas, for the one still in
 * force) and those answers still say yes, that answering again is what is left.
 */
function AnswerAgainNote({ h, latest, names }: { h: FindingHistory; latest?: Finding; names: Names }) {
  if (!latest?.cleared) return null;
  if (h.cleared && latest.cleared_regions.length === 0)
    return (
      <span data-testid="answer-again">
        {' '}
        Your latest safety answers still say yes to this, so{' '}
        <AnswerAgainLink>answer the safety questions again</AnswerAgainLink>: that is all that is left.
      </span>
    );
  if (!h.cleared && latest.cleared_regions.length > 0)
    return (
      <span data-testid="answer-again">
        {' '}
        {latest.cleared_by} cleared {latest.cleared_regions.map((r) => areaText(names, r)).join(', ')} on{' '}
        {longDate(latest.cleared)}. Your latest safety answers still say yes to this, so for those areas{' '}
        <AnswerAgainLink>answer the safety questions again</AnswerAgainLink>; the other areas stay out until a
        practitioner clears them.
      </span>
    );
  return null;
}

function trendSummary(t: RegionTrend): string {
  if (t.latest === null) return `Started at ${t.baseline} out of 10. No pain entries since.`;
  const dir = t.change > 0 ? `down ${t.change}` : t.change < 0 ? `up ${-t.change}` : 'no change';
  return (
    `Started at ${t.baseline} out of 10, latest ${t.latest}: ${dir}` +
    (t.change !== 0 ? ` point${Math.abs(t.change) === 1 ? '' : 's'} (${Math.abs(t.change_percent)}%)` : '') +
    `. ${t.meaningful ? 'That is a meaningful improvement.' : 'Not a meaningful change yet.'}`
  );
}

function TrendChart({ t, mc }: { t: RegionTrend; mc: { points: number; percent: number } }) {
  const thr = meaningfulThreshold(t.baseline, mc);
  // The first point is the starting pain from the profile, so the band and the
  // baseline show even with one entry.
  const labels = ['Start', ...t.points.map((pt) => shortDate(pt.date))];
  const id = `trend-${t.region}-${t.side}`;
  const ref = useChart(
    () => ({
      type: 'line',
      data: {
        labels,
        datasets: [
          {
            label: 'Smaller than a meaningful change (lower edge)',
            data: labels.map(() => Math.max(0, t.baseline - thr)),
            borderColor: 'rgba(0,0,0,0)',
            pointRadius: 0,
            fill: false,
          },
          {
            label: 'Band of no meaningful change',
            data: labels.map(() => Math.min(10, t.baseline + thr)),
            borderColor: 'rgba(0,0,0,0)',
            backgroundColor: 'rgba(90, 120, 160, 0.18)',
            pointRadius: 0,
            fill: '-1',
          },
          {
            label: `Starting pain (${t.baseline})`,
            data: labels.map(() => t.baseline),
            borderColor: '#5a6b7d',
            borderDash: [6, 4],
            borderWidth: 1.5,
            pointRadius: 0,
            fill: false,
          },
          {
            label: 'Pain',
            data: [t.baseline, ...t.points.map((pt) => pt.score)],
            borderColor: '#0b5cad',
            backgroundColor: '#0b5cad',
            borderWidth: 2.5,
            pointRadius: 4,
            fill: false,
            tension: 0,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          y: { min: 0, max: 10, ticks: { stepSize: 2, color: '#333' }, title: { display: true, text: 'pain /10', color: '#333' } },
          x: { ticks: { color: '#333' } },
        },
        plugins: {
          legend: {
            labels: { color: '#222', filter: (item) => item.datasetIndex !== 0 },
          },
        },
      },
    }),
    [t, thr],
  );
  return (
    <figure class="chart-block" data-testid="trend" data-region={t.region}>
      <figcaption>
        <strong>
          {t.region_name}, {sideWord(t.side)}
        </strong>
        <span id={`${id}-sum`} class="trend-summary">
          {' '}
          {trendSummary(t)}
        </span>
      </figcaption>
      <div class="chart-box">
        <canvas ref={ref} role="img" aria-label={`Pain chart for ${t.region_name}`} aria-describedby={`${id}-sum`} />
      </div>
      <details class="table-alt" open={false}>
        <summary>Show as a table</summary>
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-cap`}>
          <table data-testid="trend-table">
            <caption id={`${id}-cap`}>
              Pain in {t.region_name.toLowerCase()}, {sideWord(t.side)}: {t.baseline} at the start; a change of{' '}
              {Math.round(thr * 10) / 10} points or more counts
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Pain /10</th>
                <th scope="col">Change from start</th>
                <th scope="col">Meaningful?</th>
              </tr>
            </thead>
            <tbody>
              {t.points.length === 0 ? (
                <tr>
                  <td colSpan={4}>No entries yet.</td>
                </tr>
              ) : (
                t.points.map((pt, i) => {
                  const ch = t.baseline - pt.score;
                  return (
                    <tr key={i}>
                      <td>{mediumDate(pt.date)}</td>
                      <td>{pt.score}</td>
                      <td>{ch > 0 ? `${ch} better` : ch < 0 ? `${-ch} worse` : 'same'}</td>
                      <td>{Math.abs(ch) >= thr && ch !== 0 ? 'yes' : 'no'}</td>
                    </tr>
                  );
                })
              )}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function AdherenceChart({ p }: { p: Progress }) {
  const labels = p.weeks.map((w) => 'week of ' + shortDate(w.week_start));
  const ref = useChart(
    () => ({
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: 'Planned', data: p.weeks.map((w) => w.planned), backgroundColor: '#9db4cc' },
          { label: 'Done', data: p.weeks.map((w) => w.done), backgroundColor: '#1d6b3a' },
          { label: 'Stopped early', data: p.weeks.map((w) => w.stopped), backgroundColor: '#a12622' },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { stepSize: 1, color: '#333' } }, x: { ticks: { color: '#333' } } },
        plugins: { legend: { labels: { color: '#222' } } },
      },
    }),
    [p],
  );
  return (
    <section aria-labelledby="adherence-title">
      <h2 id="adherence-title">Sessions week by week</h2>
      {p.weeks.length === 0 ? (
        <p class="muted">No weeks yet.</p>
      ) : (
        <figure class="chart-block" data-testid="adherence">
          <div class="chart-box">
            <canvas ref={ref} role="img" aria-label="Sessions planned and done each week" aria-describedby="adherence-table-cap" />
          </div>
          <details class="table-alt">
            <summary>Show as a table</summary>
            <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="adherence-table-cap">
              <table data-testid="adherence-table">
                <caption id="adherence-table-cap">Sessions planned and done each week</caption>
                <thead>
                  <tr>
                    <th scope="col">Week starting</th>
                    <th scope="col">Planned</th>
                    <th scope="col">Done</th>
                    <th scope="col">Stopped early</th>
                    <th scope="col">Steps skipped</th>
                    <th scope="col">Habit check-ins</th>
                  </tr>
                </thead>
                <tbody>
                  {p.weeks.map((w) => (
                    <tr key={w.week_start}>
                      <td>{mediumDate(w.week_start)}</td>
                      <td>{w.planned}</td>
                      <td>{w.done}</td>
                      <td>{w.stopped}</td>
                      <td>{w.steps_skipped}</td>
                      <td>{w.habits}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </figure>
      )}
    </section>
  );
}
