// Data every test needs: a profile, a clean screening, the step cards of a
// due session; and the check that a refused request changed nothing.
import assert from 'node:assert/strict';

export const PROFILE = {
  regions: [{ region: 'upper-trapezius', side: 'both', pain: 6 }],
  tools: ['starter-kit'],
  weekdays: [0, 1, 2, 3, 4, 5, 6],
  minutes_per_session: 30,
};

// Every question of kb/questions answered no (with no regions).
export async function cleanAnswers(api, yes = []) {
  const questions = await api.expect(200, 'GET', '/api/v1/kb/questions');
  assert.ok(questions.length > 0, 'kb/questions is empty');
  const answers = {};
  for (const q of questions) answers[q.id] = { yes: yes.includes(q.id), regions: [] };
  return answers;
}

export async function setUpPerson(api, profile = PROFILE) {
  const saved = await api.expect(200, 'PUT', '/api/v1/profile', { json: profile });
  const clearance = await api.expect(201, 'POST', '/api/v1/screening', { json: { answers: await cleanAnswers(api) } });
  return { saved, clearance };
}

// The step cards the browser shows for a planned session: each step once, or
// twice (left, then right) when it is done on each side of a both-sides target.
export function cardsOf(session) {
  const cards = [];
  for (const step of session.steps) {
    if (step.per_side && step.side === 'both') cards.push(step, step);
    else cards.push(step);
  }
  return cards;
}

// One "done" event per card at the planned target and the low end of the pressure range.
export function doneEvents(session) {
  return cardsOf(session).map((step) => {
    const e = { kind: 'done', amount: step.target };
    if (step.pressure) e.pressure = step.pressure[0];
    return e;
  });
}

export async function journalOf(api) {
  return api.expect(200, 'GET', '/api/v1/journal');
}

// Sends a request that must be refused and checks that it was, how, and that
// nothing changed: the journal (and any `also` GET paths) are identical after.
//   status, code (string or array), field: expected error.field; null = absent
export async function expectRefused(api, { method = 'POST', path, json, body, contentType, status = 400, code, field, also = [] }) {
  const before = await journalOf(api);
  const alsoBefore = [];
  for (const p of also) alsoBefore.push(await api.request('GET', p));
  const opts = {};
  if (json !== undefined) opts.json = json;
  if (body !== undefined) opts.body = body;
  if (contentType !== undefined) opts.contentType = contentType;
  if (status === 503) opts.allow503 = true;
  const r = await api.request(method, path, opts);
  const what = `${method} ${path} ${body !== undefined ? body.slice(0, 80) : JSON.stringify(json)?.slice(0, 200)}`;
  assert.equal(r.status, status, `${what}: expected ${status}, got ${r.status}: ${r.text.slice(0, 400)}`);
  const err = r.body.error;
  if (code !== undefined) {
    const codes = [].concat(code);
    assert.ok(codes.includes(err.code), `${what}: error code '${err.code}', expected ${codes.join(' or ')} (${err.message})`);
  }
  if (field === null) assert.equal(err.field, undefined, `${what}: error names a field '${err.field}' where there is none`);
  else if (field instanceof RegExp) assert.match(String(err.field), field, `${what}: error.field (${err.message})`);
  else if (field !== undefined) assert.equal(err.field, field, `${what}: error.field (${err.message})`);
  assert.deepEqual(await journalOf(api), before, `${what}: the journal changed after a refused request`);
  for (let i = 0; i < also.length; ++i) {
    const after = await api.request('GET', also[i]);
    assert.equal(after.status, alsoBefore[i].status, `${what}: GET ${also[i]} status changed after a refused request`);
    assert.deepEqual(after.body, alsoBefore[i].body, `${what}: GET ${also[i]} changed after a refused request`);
  }
  return err;
}

// A body just over 64 KiB that is otherwise valid JSON for the route.
export function oversized(base) {
  const filler = 'x'.repeat(65 * 1024);
  return JSON.stringify({ ...base, padding: filler });
}
