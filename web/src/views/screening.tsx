// The safety questions. Every question needs an explicit yes or no (nothing
// is pre-chosen); a "regions" question answered yes asks which areas. The
// outcome is shown in full; emergency and urgent take the whole screen.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../app-context';
import { linkClick, navigate } from '../router';
import type { Answer, Clearance, Profile, Question, Region } from '../types';
import { errorsFrom, FieldError, isAlarm, levelWords, LoadError, Loading, OtherErrors, Page, unlessMissing, useLoad, type FieldErrors } from '../util';
import { AlarmScreen } from './alarm';
import { Findings } from '../components/findings';

const GROUP_TITLES: Record<string, string> = {
  emergency: 'Signs that need help straight away',
  trauma: 'Injuries',
  serious: 'Your general health',
  neck: 'Your neck and arms',
  local: 'The areas you want to treat',
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
            Before any plan, a few questions check whether self-treatment is safe for you right now. Answer each one
            yes or no. A yes is not a judgement: it only changes what is safe to do next.
          </p>
          <p class="disclaimer-inline">These questions are a safety check, not a diagnosis.</p>
          {!firstRun && app.clearance ? (
            <p class="muted">Your last answers gave: {levelWords[app.clearance.level]}. Answering again replaces them.</p>
          ) : null}
          {d.error ? <LoadError error={d.error} retry={d.reload} /> : null}
          {d.loading && !d.data ? <Loading what="the questions" /> : null}
          {d.data ? <Questions data={d.data} onDone={setResult} /> : null}
        </>
      )}
    </Page>
  );
}

function Questions({ data, onDone }: { data: Data; onDone: (c: Clearance) => void }) {
  const app = useApp();
  const [answers, setAnswers] = useState<Record<string, Answer | undefined>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const mine = new Set(data.profile?.regions.map((r) => r.region) ?? []);
  const regionChoices = [...data.regions].sort((a, b) => Number(mine.has(b.id)) - Number(mine.has(a.id)));

  const set = (id: string, a: Answer) => {
    setAnswers({ ...answers, [id]: a });
    if (errors[`answers.${id}`]) {
      const rest = { ...errors };
      delete rest[`answers.${id}`];
      setErrors(rest);
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: FieldErrors = {};
    for (const q of data.questions) {
      const a = answers[q.id];
      if (!a) local[`answers.${q.id}`] = 'Please answer yes or no.';
      else if (q.kind === 'regions' && a.yes && !(a.regions && a.regions.length))
        local[`answers.${q.id}`] = 'Choose the areas this applies to.';
    }
    setErrors(local);
    if (Object.keys(local).length) {
      const first = data.questions.find((q) => local[`answers.${q.id}`]);
      if (first) document.getElementById(`q-${first.id}`)?.scrollIntoView({ block: 'center' });
      const input = first && document.querySelector<HTMLInputElement>(`input[name="q-${first.id}"]`);
      input?.focus();
      return;
    }
    const body: Record<string, Answer> = {};
    for (const q of data.questions) {
      const a = answers[q.id]!;
      body[q.id] = q.kind === 'regions' ? { yes: a.yes, regions: a.yes ? a.regions ?? [] : [] } : { yes: a.yes };
    }
    setBusy(true);
    try {
      const c = await api.screen(body);
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

  let lastGroup = '';
  const answered = data.questions.filter((q) => answers[q.id]).length;
  return (
    <form onSubmit={submit} noValidate class="screening">
      {data.questions.map((q) => {
        const a = answers[q.id];
        const heading = q.group !== lastGroup ? (GROUP_TITLES[q.group] ?? 'More questions') : null;
        lastGroup = q.group;
        const err = errors[`answers.${q.id}`];
        return (
          <div key={q.id}>
            {heading ? <h2 class="group-title">{heading}</h2> : null}
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
                  <legend>Which areas?</legend>
                  <div class="checks">
                    {regionChoices.map((r) => (
                      <label key={r.id} class="check">
                        <input
                          type="checkbox"
                          name={`q-${q.id}-regions`}
                          value={r.id}
                          checked={a.regions?.includes(r.id) ?? false}
                          onChange={() => {
                            const cur = a.regions ?? [];
                            set(q.id, {
                              yes: true,
                              regions: cur.includes(r.id) ? cur.filter((x) => x !== r.id) : [...cur, r.id],
                            });
                          }}
                        />
                        <span>
                          {r.name}
                          {mine.has(r.id) ? <span class="muted small"> (one of yours)</span> : null}
                        </span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              ) : null}
              <FieldError errors={errors} field={`answers.${q.id}`} />
            </fieldset>
          </div>
        );
      })}
      <OtherErrors errors={errors} shown={data.questions.map((q) => `answers.${q.id}`)} />
      <p class="muted" role="status">
        {answered} of {data.questions.length} answered.
      </p>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Checking…' : 'See my result'}
      </button>
    </form>
  );
}

function Outcome({ clearance }: { clearance: Clearance }) {
  return (
    <div class={`outcome level-${clearance.level}`}>
      <h2>{levelWords[clearance.level]}</h2>
      {clearance.plan_allowed ? (
        <p>
          Self-treatment looks reasonable for you. Your plan is ready
          {clearance.findings.length ? ', with the limits below' : ''}.
        </p>
      ) : (
        <p>
          Please see a doctor or physiotherapist before treating yourself. fascia will not make a plan until your
          answers allow it.
        </p>
      )}
      <Findings findings={clearance.findings} />
      <div class="actions">
        {clearance.plan_allowed ? (
          <button type="button" class="primary" onClick={() => navigate('/plan')}>
            See my plan
          </button>
        ) : (
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
