// Issue 8, point 11, over HTTP: the safety questions may stop early when the
// answers given already call for emergency or same-day help; otherwise every
// question still needs an answer, and nothing is saved.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { tokenLogin, stopServerAfter } from './lib/client.mjs';
import { expectRefused } from './lib/flows.mjs';

describe('stopping the screening early', () => {
  let server;
  let api;
  let questions;
  before(async () => {
    server = await startServer();
    ({ api } = await tokenLogin(server));
    questions = await api.expect(200, 'GET', '/api/v1/kb/questions');
  });
  stopServerAfter(() => server);

  it('answers that do not call for help now cannot stop early: 400 naming a missing answer, nothing saved', async () => {
    const first = questions.find((q) => q.group === 'emergency');
    const err = await expectRefused(api, {
      path: '/api/v1/screening',
      json: { answers: { [first.id]: { yes: false } }, stop_early: true },
      code: 'invalid',
      field: /^answers\./,
      also: ['/api/v1/screening'],
    });
    assert.match(err.message, /may stop early only when/);
    assert.equal((await api.request('GET', '/api/v1/screening')).status, 404, 'no screening stored');
  });

  it('one emergency yes stops early: 201 emergency, stored with every other question no, and no plan', async () => {
    const first = questions.find((q) => q.group === 'emergency' && q.kind === 'yes-no');
    const clearance = await api.expect(201, 'POST', '/api/v1/screening', {
      json: { answers: { [first.id]: { yes: true } }, stop_early: true },
    });
    assert.equal(clearance.level, 'emergency');
    const stored = await api.expect(200, 'GET', '/api/v1/screening');
    assert.equal(Object.keys(stored.answers).length, questions.length);
    for (const q of questions) assert.equal(stored.answers[q.id].yes, q.id === first.id, q.id);
    assert.equal((await api.request('GET', '/api/v1/plan')).status, 409);
  });

  it('without stop_early every question is still required', async () => {
    const first = questions.find((q) => q.group === 'emergency' && q.kind === 'yes-no');
    await expectRefused(api, {
      path: '/api/v1/screening',
      json: { answers: { [first.id]: { yes: true } } },
      code: 'invalid',
      field: /^answers\./,
    });
  });
});
