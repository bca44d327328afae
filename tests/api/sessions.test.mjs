// Guided sessions and stop advice: a session posted as the browser ran it is
// replayed and logged; stops answer their advice and update the screening;
// a screening that forbids self-treatment is 409 safety; every malformed
// session is refused with the field named and nothing logged.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, addUser, freshDbDir, TODAY, databaseIn } from './lib/server.mjs';
import { tokenLogin, passwordLogin, stopServerAfter } from './lib/client.mjs';
import { setUpPerson, cleanAnswers, cardsOf, doneEvents, expectRefused, oversized, journalOf } from './lib/flows.mjs';

const JSON_TYPE = 'application/json';
const SEVERITY = { 'stop-step': 0, 'stop-session': 1, emergency: 2 };

describe('stop advice and sessions', () => {
  let server;
  let alice;
  let stopSigns;
  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    addUser(db, 'alice', 'alice-password-1');
    addUser(db, 'bob', 'bob-password-22');
    addUser(db, 'carol', 'carol-password-333');
    addUser(db, 'dave', 'dave-password-4444');
    server = await startServer({ db, dir });
    ({ api: alice } = await tokenLogin(server));
    stopSigns = await alice.expect(200, 'GET', '/api/v1/kb/stop-signs');
  });
  stopServerAfter(() => server);

  describe('POST /api/v1/stop-advice', () => {
    it('answers the most severe action of the signs, advice for each, and the questions to re-screen; stores nothing', async () => {
      const before = await journalOf(alice);
      for (const sign of stopSigns) {
        const out = await alice.expect(200, 'POST', '/api/v1/stop-advice', { json: { signs: [sign.id] } });
        assert.equal(out.action, sign.action, sign.id);
        assert.equal(out.advice.length, 1, sign.id);
        if (sign.rescreen_question) assert.ok(out.rescreen.includes(sign.rescreen_question), `${sign.id}: rescreen`);
      }
      const mild = stopSigns.reduce((a, b) => (SEVERITY[a.action] <= SEVERITY[b.action] ? a : b));
      const worst = stopSigns.reduce((a, b) => (SEVERITY[a.action] >= SEVERITY[b.action] ? a : b));
      assert.notEqual(mild.action, worst.action, 'kb/stop-signs has only one kind of action');
      const both = await alice.expect(200, 'POST', '/api/v1/stop-advice', { json: { signs: [mild.id, worst.id] } });
      assert.equal(both.action, worst.action);
      assert.equal(both.advice.length, 2);
      assert.equal(both.session_over, true, 'a sign that stops more than a step should end the session');
      assert.deepEqual(await journalOf(alice), before);
      assert.equal((await alice.request('GET', '/api/v1/screening')).status, 404, 'stop advice stored a screening');
    });

    it('refuses malformed bodies, naming the field', async () => {
      const cases = [
        ['invalid JSON', { body: '{"signs": [', contentType: JSON_TYPE }, 400, 'bad_json', null],
        ['text/plain', { body: '{"signs":["dizziness"]}', contentType: 'text/plain' }, 415, 'unsupported_media', null],
        ['a body over 64 KiB', { body: oversized({ signs: ['dizziness'] }), contentType: JSON_TYPE }, 413, 'too_large', null],
        ['no signs', { json: {} }, 400, 'invalid', 'signs'],
        ['an empty list of signs', { json: { signs: [] } }, 400, 'invalid', 'signs'],
        ['signs as a string', { json: { signs: 'dizziness' } }, 400, 'invalid', 'signs'],
        ['a sign as a number', { json: { signs: [5] } }, 400, 'invalid', 'signs[0]'],
        ['an unknown sign', { json: { signs: ['itchy-ear'] } }, 400, 'unknown_name', /^signs(\[0\])?$/],
        ['an unknown field', { json: { signs: ['dizziness'], when: 'now' } }, 400, 'invalid', 'when'],
      ];
      for (const [what, req, status, code, field] of cases)
        await expectRefused(alice, { path: '/api/v1/stop-advice', ...req, status, code, field }).catch((e) => {
          e.message = `${what}: ${e.message}`;
          throw e;
        });
    });
  });

  it('POST /api/v1/sessions before a profile and screening is 409 precondition', async () => {
    await expectRefused(alice, { path: '/api/v1/sessions', json: { protocol: 'neck-trap-iastm', events: [] }, status: 409, code: 'precondition' });
  });

  describe('a person with a plan', () => {
    let due;
    let cards;
    let session;
    before(async () => {
      await setUpPerson(alice);
      const today = await alice.expect(200, 'GET', '/api/v1/today');
      assert.ok(today.due.length > 0, 'nothing due on 2026-11-23');
      due = today.due[0];
      cards = cardsOf(due);
    });

    it('refuses malformed sessions, naming the field, and logs nothing', async () => {
      const protocols = await alice.expect(200, 'GET', '/api/v1/kb/protocols');
      const today = await alice.expect(200, 'GET', '/api/v1/today');
      const notDue = protocols.find((p) => !today.due.some((s) => s.protocol === p.id));
      assert.ok(notDue, 'every protocol is due');
      const good = doneEvents(due);
      const withFirst = (e) => [e, ...good.slice(1)];
      const base = { protocol: due.protocol, events: good, soreness: 2 };
      const unknownStop = [good[0], { kind: 'stop', signs: ['itchy-ear'], amount: 1 }];
      const cases = [
        ['invalid JSON', { body: '{"protocol": "x", "events": [', contentType: JSON_TYPE }, 400, 'bad_json', null],
        ['text/plain', { body: JSON.stringify(base), contentType: 'text/plain' }, 415, 'unsupported_media', null],
        ['no Content-Type', { body: JSON.stringify(base) }, 415, 'unsupported_media', null],
        ['a body over 64 KiB', { body: oversized(base), contentType: JSON_TYPE }, 413, 'too_large', null],
        ['no protocol', { json: { events: good } }, 400, 'invalid', 'protocol'],
        ['a protocol as a number', { json: { ...base, protocol: 5 } }, 400, 'invalid', 'protocol'],
        ['an unknown protocol', { json: { ...base, protocol: 'yoga-flow' } }, 400, 'unknown_name', 'protocol'],
        ['a protocol not due today', { json: { ...base, protocol: notDue.id } }, 409, 'precondition', undefined],
        ['no events', { json: { protocol: due.protocol } }, 400, 'invalid', 'events'],
        ['events as an object', { json: { ...base, events: { kind: 'done', amount: 1 } } }, 400, 'invalid', 'events'],
        ['an event of an unknown kind', { json: { ...base, events: withFirst({ kind: 'dance', amount: 1 }) } }, 400, 'invalid', 'events[0].kind'],
        ['an event without a kind', { json: { ...base, events: withFirst({ amount: 1 }) } }, 400, 'invalid', 'events[0].kind'],
        ['done without an amount', { json: { ...base, events: withFirst({ kind: 'done' }) } }, 400, 'invalid', 'events[0].amount'],
        ['an amount as a string', { json: { ...base, events: withFirst({ kind: 'done', amount: '10' }) } }, 400, 'invalid', 'events[0].amount'],
        ['a negative amount', { json: { ...base, events: withFirst({ kind: 'done', amount: -1 }) } }, 400, 'invalid', 'events[0].amount'],
        ['an absurd amount', { json: { ...base, events: withFirst({ kind: 'done', amount: 1000000 }) } }, 400, 'invalid', 'events[0].amount'],
        ['one past the limit every interface shares (3600)', { json: { ...base, events: withFirst({ kind: 'done', amount: 3601 }) } }, 400, 'invalid', 'events[0].amount'],
        ['pressure 11', { json: { ...base, events: withFirst({ kind: 'done', amount: 1, pressure: 11 }) } }, 400, 'invalid', 'events[0].pressure'],
        ['pressure as a string', { json: { ...base, events: withFirst({ kind: 'done', amount: 1, pressure: '3' }) } }, 400, 'invalid', 'events[0].pressure'],
        ['soreness 11', { json: { ...base, soreness: 11 } }, 400, 'invalid', 'soreness'],
        ['soreness -1', { json: { ...base, soreness: -1 } }, 400, 'invalid', 'soreness'],
        ['soreness as a string', { json: { ...base, soreness: '2' } }, 400, 'invalid', 'soreness'],
        ['fewer events than cards without a stop', { json: { ...base, events: good.slice(0, -1) } }, 400, 'invalid', /^events/],
        ['more events than cards', { json: { ...base, events: [...good, { kind: 'done', amount: 1 }] } }, 400, 'invalid', /^events/],
        ['a stop with an unknown sign', { json: { ...base, events: unknownStop } }, 400, 'unknown_name', /^events\[1\]\.signs(\[0\])?$/],
        ['a stop without signs', { json: { ...base, events: [{ kind: 'stop', signs: [] }] } }, 400, 'invalid', /^events\[0\]\.signs/],
        ['an unknown field', { json: { ...base, mood: 'good' } }, 400, 'invalid', 'mood'],
      ];
      for (const [what, req, status, code, field] of cases)
        await expectRefused(alice, { path: '/api/v1/sessions', ...req, status, code, field, also: ['/api/v1/sessions', '/api/v1/today', '/api/v1/screening'] }).catch((e) => {
          e.message = `${what}: ${e.message}`;
          throw e;
        });
    });

    it('POST /api/v1/sessions with one done event per card logs the session, warns about pressure above the ceiling, records soreness', async () => {
      const events = doneEvents(due);
      const hard = cards.findIndex((c) => c.pressure && c.pressure[1] < 10);
      assert.ok(hard >= 0, 'no step with a pressure range below 10');
      events[hard].pressure = cards[hard].pressure[1] + 1;
      const out = await alice.expect(201, 'POST', '/api/v1/sessions', { json: { protocol: due.protocol, events, soreness: 2 } });
      session = out.session;
      assert.equal(session.protocol, due.protocol);
      assert.equal(session.date, TODAY);
      assert.equal(session.stopped, false);
      assert.equal(session.stop_sign, '');
      assert.equal(session.steps.length, cards.length);
      session.steps.forEach((log, i) => {
        const card = cards[i];
        assert.equal(log.status, 'done', `step ${i}`);
        assert.equal(log.index, card.index, `step ${i} index`);
        assert.equal(log.technique, card.technique, `step ${i} technique`);
        assert.equal(log.region, card.region, `step ${i} region`);
        assert.equal(card.unit === 'strokes' ? log.strokes : log.seconds, events[i].amount, `step ${i} amount`);
        assert.equal(log.pressure_used, events[i].pressure ?? null, `step ${i} pressure`);
      });
      const perSide = cards.findIndex((c) => c.per_side && c.side === 'both');
      if (perSide >= 0) assert.deepEqual([session.steps[perSide].side, session.steps[perSide + 1].side].sort(), ['left', 'right']);
      assert.equal(out.warnings.length, 1, 'one pressure above the ceiling, one warning');
      assert.deepEqual(out.stops, []);
      assert.equal(out.clearance, null);

      const journal = await journalOf(alice);
      assert.deepEqual(journal.sessions, [session]);
      const worked = new Set(cards.filter((c) => c.modality === 'instrument').map((c) => c.region));
      assert.ok(worked.size > 0);
      assert.deepEqual(new Set(journal.reactions.map((r) => r.region)), worked, 'one soreness check-in per region the instrument worked');
      for (const r of journal.reactions) {
        assert.equal(r.date, TODAY);
        assert.equal(r.soreness, 2);
        assert.equal(r.redness || r.red_dots || r.bruising, false);
      }
    });

    it('GET /api/v1/sessions and /api/v1/sessions/{id} give the logged session back', async () => {
      assert.deepEqual(await alice.expect(200, 'GET', '/api/v1/sessions'), [session]);
      assert.deepEqual(await alice.expect(200, 'GET', `/api/v1/sessions/${session.id}`), session);
    });

    it('an unknown session id is 404', async () => {
      for (const id of [session.id + 1000, 0, 'abc', '99999999999999999999999']) {
        const r = await alice.request('GET', `/api/v1/sessions/${id}`);
        assert.equal(r.status, 404, `sessions/${id}: ${r.status}`);
        assert.equal(r.body.error.code, 'not_found');
      }
    });

    it('the same protocol is not due again today: posting it again is 409 precondition and logs nothing', async () => {
      const today = await alice.expect(200, 'GET', '/api/v1/today');
      assert.ok(!today.due.some((s) => s.protocol === due.protocol), 'the protocol is still due after it was done');
      // why_not_today groups not_today: one entry per rule and wording, each area named once, dates only long-form in text.
      const rules = new Set(today.not_today.map((r) => r.rule));
      assert.ok(rules.size < today.not_today.length, 'several areas share a rule');
      assert.equal(today.why_not_today.length, rules.size, JSON.stringify(today.why_not_today));
      const gap = today.why_not_today.find((g) => g.rule === 'instrument-min-hours-between');
      assert.ok(gap && gap.areas.length >= 2, JSON.stringify(gap));
      assert.equal(new Set(gap.areas.map((a) => a.region + ':' + a.side)).size, gap.areas.length);
      assert.equal(gap.date, '2026-11-25');
      assert.match(gap.text, /Wednesday, 25 November 2026/);
      for (const g of today.why_not_today) assert.doesNotMatch(g.text, /\d{4}-\d{2}-\d{2}/, g.text);
      await expectRefused(alice, { path: '/api/v1/sessions', json: { protocol: due.protocol, events: doneEvents(due), soreness: 1 }, status: 409, code: 'precondition', also: ['/api/v1/sessions'] });
    });
  });

  it('a stop ends the session early, answers its advice, and a sign that bears on screening updates the screening', async () => {
    const { api: bob } = await passwordLogin(server, 'bob', 'bob-password-22');
    await setUpPerson(bob);
    const due = (await bob.expect(200, 'GET', '/api/v1/today')).due[0];
    const sign = stopSigns.find((s) => s.rescreen_question && s.action !== 'emergency');
    assert.ok(sign, 'no stop sign with a re-screen question');
    const first = doneEvents(due)[0];
    const out = await bob.expect(201, 'POST', '/api/v1/sessions', { json: { protocol: due.protocol, events: [first, { kind: 'stop', signs: [sign.id], amount: 3 }] } });
    assert.equal(out.session.stopped, true);
    assert.equal(out.session.stop_sign, sign.id);
    assert.equal(out.session.steps.length, 2);
    assert.equal(out.session.steps[1].status, 'stopped');
    assert.equal(out.session.steps[1].stop_sign, sign.id);
    assert.equal(out.stops.length, 1);
    assert.equal(out.stops[0].action, sign.action);
    assert.ok(out.stops[0].rescreen.includes(sign.rescreen_question));
    assert.notEqual(out.clearance, null, 'the screening was updated, so the new clearance comes back');
    const screening = await bob.expect(200, 'GET', '/api/v1/screening');
    assert.equal(screening.answers[sign.rescreen_question].yes, true);
    assert.deepEqual(screening.clearance, out.clearance);
    assert.deepEqual(await bob.expect(200, 'GET', `/api/v1/sessions/${out.session.id}`), out.session);
  });

  it('GET /api/v1/sessions lists a person\'s sessions oldest first', async () => {
    const { api: dave } = await passwordLogin(server, 'dave', 'dave-password-4444');
    await setUpPerson(dave, {
      regions: [{ region: 'upper-trapezius', side: 'both', pain: 6 }, { region: 'calves', side: 'both', pain: 5 }],
      tools: ['starter-kit', 'rolling-kit'],
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      minutes_per_session: 60,
    });
    const due = (await dave.expect(200, 'GET', '/api/v1/today')).due;
    assert.ok(due.length >= 2, `two regions, two tool sets, one day: expected two sessions due, got ${due.map((s) => s.protocol)}`);
    const [a, b] = [due[1], due[0]];
    const first = (await dave.expect(201, 'POST', '/api/v1/sessions', { json: { protocol: a.protocol, events: doneEvents(a) } })).session;
    const stillDue = (await dave.expect(200, 'GET', '/api/v1/today')).due.map((s) => s.protocol);
    assert.ok(stillDue.includes(b.protocol) && !stillDue.includes(a.protocol), `after ${a.protocol}, due: ${stillDue}`);
    const second = (await dave.expect(201, 'POST', '/api/v1/sessions', { json: { protocol: b.protocol, events: doneEvents(b) } })).session;
    assert.ok(second.id > first.id);
    assert.deepEqual(await dave.expect(200, 'GET', '/api/v1/sessions'), [first, second]);
    assert.deepEqual((await journalOf(dave)).sessions, [first, second]);
    assert.deepEqual((await dave.expect(200, 'GET', '/api/v1/today')).due, []);
  });

  it('when the screening forbids self-treatment, today and the plan are blocked and a session is 409 safety', async () => {
    const { api: carol } = await passwordLogin(server, 'carol', 'carol-password-333');
    await setUpPerson(carol);
    const due = (await carol.expect(200, 'GET', '/api/v1/today')).due[0];
    const questions = await carol.expect(200, 'GET', '/api/v1/kb/questions');
    const emergency = questions.find((q) => q.group === 'emergency' && q.kind === 'yes-no');
    assert.ok(emergency, 'no emergency question');
    const clearance = await carol.expect(201, 'POST', '/api/v1/screening', { json: { answers: await cleanAnswers(carol, [emergency.id]) } });
    assert.equal(clearance.plan_allowed, false);
    assert.ok(['emergency', 'urgent'].includes(clearance.level), clearance.level);
    assert.ok(clearance.findings.some((f) => f.because.includes(emergency.id)));
    const today = await carol.expect(200, 'GET', '/api/v1/today');
    assert.equal(today.blocked, true);
    assert.deepEqual(today.due, []);
    assert.ok(today.blocked_by.length > 0);
    const plan = await carol.expect(200, 'GET', '/api/v1/plan');
    assert.equal(plan.blocked, true);
    assert.deepEqual(plan.days, []);
    await expectRefused(carol, { path: '/api/v1/sessions', json: { protocol: due.protocol, events: doneEvents(due) }, status: 409, code: 'safety', also: ['/api/v1/sessions'] });
  });
});
