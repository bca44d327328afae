// The safety questions, asked before anything else on a first run. Grouped,
// emergency and urgent groups first; each group has a "None of these" button
// that answers every question of the group with an explicit no (each answer
// is still sent on its own). Nothing is pre-chosen: a group is complete only
// when each question has a yes or no. A "regions" question answered yes asks
// which areas and, for paired areas, which side ({region, side} entries).
// The outcome is shown in full; emergency and urgent take the whole screen.
// A yes in the emergency (or urgent) group offers "Show me what to do now",
// which sends the answers so far with stop_early: the server accepts them
// only when they already call for help now, and records the rest as no.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../app-context';
import { linkClick, navigate } from '../router';
import type { Answer, Clearance, Profile, Question, Region, RegionAnswer } from '../types';
import { errorsFrom, isAlarm, levelWords, LoadError, Loading, OtherErrors, Page, unlessMissing, useLoad, type FieldErrors } from '../util';
import { AlarmScreen } from './alarm';
import { Findings } from '../components/findings';

const GROUP_TITLES: Record<string, string> = {
  emergency: 'Signs that need help straight away',
  urgent: 'Signs that need a doctor today',
  trauma: 'Injuries',
  serious: 'Your general health',
  neck: 'Your neck and arms',
  general: 'Medicines and other health matters',
  local: 'Skin, scars and swelling in any area',
};

interface Data {
  questions: Question[];
  regions: Region[];
  profile: Profile | null;
}

async function load(): Promise<Data> {
  const [questions, regions, profile] = await Promise.all([api.questions(), api.regions(), unlessMissing(api.profile())]);
  return { questions, regions, profile };
}

export function ScreeningView({ firstRun }: { firstRun: boolean }) {
  const d = useLoad(load);
  const [result, setResult] = useState<Clearance | null>(null);
  const app = useApp();
  if (result && isAlarm(result.level)) return <AlarmScreen clearance={result} />;
  return (
    <Page title={result ? 'Your result' : 'Safety questions'}>
      {result ? (
        <Outcome clearance={result} />
      ) : (
        <>
          <p>
            Before anything else, these questions check whether self-treatment is safe for you right now. Answer each
            one yes or no, or tap "None of these" for a whole group. A yes is not a judgement: it only changes what is
            safe to do next.
          </p>
          <p class="disclaimer-inline">These questions are a safety check, not a diagnosis.</p>
          {!firstRun && app.clearance ? (
            <p class="muted">Your last answers gave: {levelWords[app.clearance.level]}. Answering again replaces them.</p>
          ) : null}
          {!firstRun && app.clearance?.findings.some((f) => f.cleared) ? (
            <p data-testid="cleared-intro">
              A practitioner's clearance is recorded for a warning sign your last answers still raise. Answer each
              question as things are now: a yes raises the warning sign again.
            </p>
          ) : null}
          {d.error ? <LoadError error={d.error} retry={d.reload} /> : null}
          {d.loading && !d.data ? <Loading what="the questions" /> : null}
          {d.data ? <Questions data={d.data} onDone={setResult} /> : null}
        </>
      )}
    </Page>
  );
}

/** Groups in the order they are asked: the ones that can mean "get help now" or "see a doctor today" first. */
const FIRST_GROUPS = ['emergency', 'urgent', 'trauma', 'serious'];

interface Group {
  id: string;
  questions: Question[];
}

/** The questions by group: emergency and urgent groups first, then the rest in knowledge-base order. */
export function groupQuestions(questions: Question[]): Group[] {
  const groups: Group[] = [];
  for (const q of questions) {
    let g = groups.find((x) => x.id === q.group);
    if (!g) groups.push((g = { id: q.group, questions: [] }));
    g.questions.push(q);
  }
  const rank = (id: string) => (FIRST_GROUPS.includes(id) ? FIRST_GROUPS.indexOf(id) : FIRST_GROUPS.length);
  return groups.map((g, i) => ({ g, i })).sort((a, b) => rank(a.g.id) - rank(b.g.id) || a.i - b.i).map((x) => x.g);
}

function Questions({ data, onDone }: { data: Data; onDone: (c: Clearance) => void }) {
  const app = useApp();
  const [answers, setAnswers] = useState<Record<string, Answer | undefined>>({});
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const groups = groupQuestions(data.questions);
  const ordered = groups.flatMap((g) => g.questions);

  const mine = new Set(data.profile?.regions.map((r) => r.region) ?? []);
  const regionChoices = [...data.regions].sort(
    (a, b) => Number(mine.has(b.id)) - Number(mine.has(a.id)) || a.name.localeCompare(b.name),
  );
  const byId = new Map(data.regions.map((r) => [r.id, r]));

  const clearErrors = (ids: string[]) => {
    const rest = { ...errors };
    let changed = false;
    for (const id of ids)
      for (const k of Object.keys(rest))
        if (k === `answers.${id}` || k.startsWith(`answers.${id}.`)) {
          delete rest[k];
          changed = true;
        }
    if (changed) setErrors(rest);
  };
  const set = (id: string, a: Answer) => {
    setAnswers({ ...answers, [id]: a });
    clearErrors([id]);
  };
  /** "None of these": an explicit no to every question of the group, each recorded as its own answer. */
  const noneOf = (g: Group) => {
    const next = { ...answers };
    for (const q of g.questions) next[q.id] = { yes: false, regions: [] };
    setAnswers(next);
    setOpen({ ...open, [g.id]: false });
    clearErrors(g.questions.map((q) => q.id));
  };

  /** Sends the answers given (all of them, or with stopEarly only those so far) and shows the outcome. */
  const send = async (which: Question[], stopEarly: boolean) => {
    const body: Record<string, Answer> = {};
    for (const q of which) {
      const a = answers[q.id];
      if (!a) continue;
      body[q.id] = q.kind === 'regions' ? { yes: a.yes, regions: a.yes ? a.regions ?? [] : [] } : { yes: a.yes };
    }
    setBusy(true);
    try {
      const c = await api.screen(body, stopEarly);
      app.setClearance(c);
      await app.refresh();
      onDone(c);
      // The home page shows an emergency or urgent outcome full-screen, without navigation.
      if (isAlarm(c.level)) navigate('/', true);
    } catch (err) {
      setErrors(errorsFrom(err));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: FieldErrors = {};
    for (const q of ordered) {
      const a = answers[q.id];
      if (!a) local[`answers.${q.id}`] = 'Please answer yes or no.';
      else if (q.kind === 'regions' && a.yes) {
        if (!a.regions?.length) local[`answers.${q.id}`] = 'Choose the areas this applies to.';
        else if (a.regions.some((r) => !r.side)) local[`answers.${q.id}`] = 'Choose the side for each area.';
      }
    }
    setErrors(local);
    if (Object.keys(local).length) {
      const first = ordered.find((q) => local[`answers.${q.id}`]);
      if (first) {
        if (open[first.group] === false) setOpen({ ...open, [first.group]: true });
        setTimeout(() => {
          const where = document.getElementById(`q-${first.id}`) ?? document.querySelector(`[data-group="${first.group}"]`);
          where?.scrollIntoView({ block: 'center' });
          where?.querySelector<HTMLElement>('input, button')?.focus({ preventScroll: true });
        });
      }
      return;
    }
    await send(ordered, false);
  };
  // A yes in the emergency or urgent group: the rest can wait. The server
  // accepts the answers so far only if they already call for help now.
  const stopEarly = () => send(ordered.filter((q) => answers[q.id]), true);

  const answered = ordered.filter((q) => answers[q.id]).length;
  // A group lists its questions with "None of these" and "One or more apply";
  // the second (or "Show or change") asks each question yes or no.
  const expanded = (g: Group) => open[g.id] === true || (open[g.id] === undefined && g.questions.some((q) => answers[q.id]));
  const emergencyYes = groups.some((g) => g.id === 'emergency' && g.questions.some((q) => answers[q.id]?.yes));
  const urgentYes = groups.some((g) => g.id === 'urgent' && g.questions.some((q) => answers[q.id]?.yes));
  return (
    <form onSubmit={submit} noValidate class="screening">
      {groups.map((g) => {
        const done = g.questions.every((q) => answers[q.id]);
        const allNo = done && g.questions.every((q) => answers[q.id]?.yes === false);
        // Folded only after "None of these", not while someone answers one by one.
        const collapsed = allNo && open[g.id] === false;
        const headingId = `group-${g.id}`;
        return (
          <section key={g.id} class="question-group" aria-labelledby={headingId} data-group={g.id}>
            <h2 class="group-title" id={headingId}>
              {GROUP_TITLES[g.id] ?? 'More questions'}
            </h2>
            {collapsed ? (
              <p class="group-done" data-testid="group-done">
                <span>
                  None of these: {g.questions.length === 1 ? 'answered no' : `all ${g.questions.length} answered no`}.
                </span>{' '}
                <button type="button" class="link-button" onClick={() => setOpen({ ...open, [g.id]: true })}>
                  Show or change
                </button>
              </p>
            ) : expanded(g) ? (
              <>
                <button
                  type="button"
                  class="none-of-these"
                  aria-describedby={headingId}
                  aria-pressed={allNo}
                  onClick={() => noneOf(g)}
                >
                  None of these
                </button>
                {g.questions.map((q) => (
                  <QuestionRow
                    key={q.id}
                    q={q}
                    a={answers[q.id]}
                    set={set}
                    errors={errors}
                    regions={regionChoices}
                    byId={byId}
                    mine={mine}
                  />
                ))}
              </>
            ) : (
              <>
                <p class="group-ask">Does any of these apply to you now?</p>
                <ul class="statements">
                  {g.questions.map((q) => (
                    <li key={q.id} data-statement={q.id}>
                      {q.text}
                      {q.help ? <span class="hint"> {q.help}</span> : null}
                    </li>
                  ))}
                </ul>
                <div class="group-buttons">
                  <button type="button" class="none-of-these" onClick={() => noneOf(g)}>
                    None of these
                  </button>
                  <button type="button" onClick={() => setOpen({ ...open, [g.id]: true })}>
                    One or more apply
                  </button>
                </div>
                {g.questions.some((q) => errors[`answers.${q.id}`]) ? (
                  <p class="field-error" role="alert">
                    Please answer: "None of these", or "One or more apply" to answer each one.
                  </p>
                ) : null}
              </>
            )}
            {g.id === 'emergency' && emergencyYes ? (
              <div class="blocked-notice" role="alert" data-testid="emergency-now">
                <p>
                  <strong>
                    If this is happening now, call your local emergency number (112 in Europe, 911 in North America, 999
                    in the UK) before anything else.
                  </strong>{' '}
                  You do not need to answer the rest now.
                </p>
                <button type="button" class="primary" disabled={busy} onClick={stopEarly}>
                  Show me what to do now
                </button>
              </div>
            ) : null}
            {g.id === 'urgent' && urgentYes && !emergencyYes ? (
              <div class="blocked-notice" role="alert" data-testid="urgent-now">
                <p>
                  <strong>This may need a doctor today.</strong> You can see what to do now, or answer the rest first.
                </p>
                <button type="button" disabled={busy} onClick={stopEarly}>
                  Show me what to do now
                </button>
              </div>
            ) : null}
          </section>
        );
      })}
      <OtherErrors
        errors={errors}
        shown={Object.keys(errors).filter((k) => ordered.some((q) => k === `answers.${q.id}` || k.startsWith(`answers.${q.id}.`)))}
      />
      <p class="muted" role="status">
        {answered} of {ordered.length} answered.
      </p>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Checking…' : 'See my result'}
      </button>
    </form>
  );
}

function QuestionRow({
  q,
  a,
  set,
  errors,
  regions,
  byId,
  mine,
}: {
  q: Question;
  a: Answer | undefined;
  set: (id: string, a: Answer) => void;
  errors: FieldErrors;
  regions: Region[];
  byId: Map<string, Region>;
  mine: Set<string>;
}) {
  const err = errors[`answers.${q.id}`] ?? Object.entries(errors).find(([k]) => k.startsWith(`answers.${q.id}.`))?.[1];
  const chosen = a?.regions ?? [];
  const toggle = (r: Region) => {
    const has = chosen.some((x) => x.region === r.id);
    const side: RegionAnswer['side'] | undefined = r.laterality === 'midline' ? 'midline' : undefined;
    set(q.id, {
      yes: true,
      regions: has ? chosen.filter((x) => x.region !== r.id) : [...chosen, { region: r.id, side: side as RegionAnswer['side'] }],
    });
  };
  const setSide = (region: string, side: RegionAnswer['side']) =>
    set(q.id, { yes: true, regions: chosen.map((x) => (x.region === region ? { region, side } : x)) });
  return (
    <fieldset class={err ? 'question invalid' : 'question'} id={`q-${q.id}`} data-question={q.id}>
      <legend>{q.text}</legend>
      {q.help ? <p class="hint">{q.help}</p> : null}
      <div class="yesno">
        <label class="choice">
          <input
            type="radio"
            name={`q-${q.id}`}
            value="yes"
            checked={a?.yes === true}
            onChange={() => set(q.id, { yes: true, regions: a?.regions ?? [] })}
          />
          <span>Yes</span>
        </label>
        <label class="choice">
          <input
            type="radio"
            name={`q-${q.id}`}
            value="no"
            checked={a?.yes === false}
            onChange={() => set(q.id, { yes: false, regions: [] })}
          />
          <span>No</span>
        </label>
      </div>
      {q.kind === 'regions' && a?.yes ? (
        <fieldset class="which-regions">
          <legend>Which areas, and which side?</legend>
          <div class="checks">
            {regions.map((r) => {
              const picked = chosen.find((x) => x.region === r.id);
              return (
                <div key={r.id} class="region-answer">
                  <label class="check">
                    <input
                      type="checkbox"
                      name={`q-${q.id}-regions`}
                      value={r.id}
                      checked={!!picked}
                      onChange={() => toggle(r)}
                    />
                    <span>
                      {r.name}
                      {mine.has(r.id) ? <span class="muted small"> (one of yours)</span> : null}
                    </span>
                  </label>
                  {picked && byId.get(r.id)?.laterality !== 'midline' ? (
                    <fieldset class="side-choice" data-region={r.id}>
                      <legend class="visually-hidden">Side for {r.name}</legend>
                      {(['left', 'right', 'both'] as const).map((sd) => (
                        <label key={sd} class="choice">
                          <input
                            type="radio"
                            name={`q-${q.id}-side-${r.id}`}
                            value={sd}
                            checked={picked.side === sd}
                            onChange={() => setSide(r.id, sd)}
                          />
                          <span>{sd === 'left' ? 'Left' : sd === 'right' ? 'Right' : 'Both'}</span>
                        </label>
                      ))}
                    </fieldset>
                  ) : null}
                </div>
              );
            })}
          </div>
        </fieldset>
      ) : null}
      {err ? (
        <p class="field-error" role="alert">
          {err}
        </p>
      ) : null}
    </fieldset>
  );
}

function Outcome({ clearance }: { clearance: Clearance }) {
  const app = useApp();
  const needDetails = !app.me.has_profile;
  return (
    <div class={`outcome level-${clearance.level}`}>
      <h2>{levelWords[clearance.level]}</h2>
      {clearance.plan_allowed ? (
        <p>
          Self-treatment looks reasonable for you{clearance.findings.length ? ', with the limits below' : ''}.
          {needDetails ? ' Next, tell fascia where it hurts and what you have, and it makes your plan.' : ' Your plan is ready.'}
        </p>
      ) : (
        <p>
          Please see a doctor or physiotherapist before treating yourself. fascia will not make a plan until your
          answers allow it.
        </p>
      )}
      <Findings findings={clearance.findings} />
      <div class="actions">
        {needDetails ? (
          <button type="button" class="primary" onClick={() => navigate('/setup')}>
            Next: where it hurts and what you have
          </button>
        ) : null}
        {clearance.plan_allowed && !needDetails ? (
          <button type="button" class="primary" onClick={() => navigate('/plan')}>
            See my plan
          </button>
        ) : clearance.plan_allowed ? null : (
          <button type="button" onClick={() => navigate('/screening?again=' + Date.now())}>
            Answer the questions again
          </button>
        )}
        <a href="/library" onClick={linkClick}>
          Read about the treatments
        </a>
      </div>
    </div>
  );
}
