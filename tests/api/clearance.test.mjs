// Issue 8: region answers with sides over the API, reasons whenever nothing is
// due, and warning signs that stay until a practitioner clearance is recorded.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, TODAY } from './lib/server.mjs';
import { tokenLogin, stopServerAfter } from './lib/client.mjs';
import { cleanAnswers, expectRefused, oversized, setUpPerson, PROFILE } from './lib/flows.mjs';

const JSON_TYPE = 'application/json';

describe('sides, reasons and clearances', () => {
  let server;
  let api;
  before(async () => {
    server = await startServer();
    ({ api } = await tokenLogin(server));
  });
  stopServerAfter(() => server);

  it('a wound on the left calf leaves the right calf in the plan and says why the left is out', async () => {
    await setUpPerson(api, { ...PROFILE, regions: [{ region: 'calves', side: 'both', pain: 4 }], tools: ['rolling-kit'] });
    const answers = await cleanAnswers(api);
    answers['open-wound'] = { yes: true, regions: [{ region: 'calves', side: 'left' }] };
    const clearance = await api.expect(201, 'POST', '/api/v1/screening', { json: { answers } });
    assert.deepEqual(clearance.findings[0].regions, [{ region: 'calves', side: 'left' }]);
    const latest = await api.expect(200, 'GET', '/api/v1/screening');
    assert.deepEqual(latest.answers['open-wound'].regions, [{ region: 'calves', side: 'left' }]);
    const plan = await api.expect(200, 'GET', '/api/v1/plan');
    assert.ok(plan.days.length > 0, JSON.stringify(plan).slice(0, 400));
    for (const st of plan.days[0].sessions[0].steps) if (st.region === 'calves') assert.equal(st.side, 'right');
    assert.equal(plan.excluded[0].side, 'left');
    assert.equal(plan.excluded[0].reasons[0].rule, 'practitioner-open-wound');
  });

  it('when the only region is left out by screening, today gives the rule and a condition, never an empty list', async () => {
    await setUpPerson(api);
    await api.expect(201, 'POST', '/api/v1/screening', { json: { answers: await cleanAnswers(api, ['arm-numbness-tingling']) } });
    const today = await api.expect(200, 'GET', '/api/v1/today');
    assert.deepEqual(today.due, []);
    assert.equal(today.blocked, false);
    assert.ok(today.not_today.some((r) => r.rule === 'practitioner-arm-numbness-tingling' && r.source), JSON.stringify(today));
    assert.equal(today.next, null);
    assert.match(today.next_condition, /practitioner/);
  });

  it('answering no again does not lift the warning sign; a recorded clearance does, and the history stays', async () => {
    await api.expect(201, 'POST', '/api/v1/screening', { json: { answers: await cleanAnswers(api) } });
    const still = await api.expect(200, 'GET', '/api/v1/today');
    assert.deepEqual(still.due, [], 'the neck came back after answering no');
    const screening = await api.expect(200, 'GET', '/api/v1/screening');
    const carried = screening.clearance.findings.find((f) => f.rule === 'practitioner-arm-numbness-tingling');
    assert.ok(carried && carried.carried && carried.until_cleared && carried.raised === TODAY, JSON.stringify(screening.clearance));

    const saved = await api.expect(201, 'POST', '/api/v1/clearances', { json: { by: 'Dr Lee, physiotherapist', note: 'nerve fine' } });
    assert.ok(Number.isInteger(saved[0].after_screenings) && saved[0].after_screenings > 0, JSON.stringify(saved));
    // by_practitioner: typed in by the person, whatever name they give, never taken for a practitioner's own.
    assert.deepEqual(saved, [{ date: TODAY, by: 'Dr Lee, physiotherapist', regions: [], note: 'nerve fine', after_screenings: saved[0].after_screenings, by_practitioner: false, clinic_id: null }]);
    assert.deepEqual(await api.expect(200, 'GET', '/api/v1/clearances'), saved);
    const today = await api.expect(200, 'GET', '/api/v1/today');
    assert.ok(today.due.length > 0, JSON.stringify(today));
    const progress = await api.expect(200, 'GET', '/api/v1/progress');
    const h = progress.safety_findings.find((f) => f.rule === 'practitioner-arm-numbness-tingling');
    assert.ok(h, JSON.stringify(progress.safety_findings));
    assert.equal(h.raised, TODAY);
    assert.equal(h.cleared, TODAY);
    assert.equal(h.cleared_by, 'Dr Lee, physiotherapist');
    assert.equal(progress.clearances.length, 1);
    assert.equal((await api.expect(200, 'GET', '/api/v1/journal')).clearances.length, 1);
  });

  it('a clearance recorded earlier the same day does not lift a warning raised after it', async () => {
    // The clearance of the test above is dated today; this warning comes later.
    await api.expect(201, 'POST', '/api/v1/screening', { json: { answers: await cleanAnswers(api, ['arm-numbness-tingling']) } });
    await api.expect(201, 'POST', '/api/v1/screening', { json: { answers: await cleanAnswers(api) } });
    const still = await api.expect(200, 'GET', '/api/v1/today');
    assert.deepEqual(still.due, [], 'a clearance from before the warning lifted it');
    assert.ok(still.not_today.some((r) => r.rule === 'practitioner-arm-numbness-tingling'), JSON.stringify(still));
    const [again] = await api.expect(201, 'POST', '/api/v1/clearances', { json: { by: 'Dr Lee, physiotherapist' } });
    assert.ok(again.after_screenings >= 2, JSON.stringify(again));
    assert.ok((await api.expect(200, 'GET', '/api/v1/today')).due.length > 0);
  });

  it('a clearance for some regions only', async () => {
    const saved = await api.expect(201, 'POST', '/api/v1/clearances', {
      json: { by: 'GP', date: '2026-11-20', regions: [{ region: 'calves', side: 'left' }, { region: 'abdomen' }] },
    });
    assert.deepEqual(saved[0].regions, [{ region: 'calves', side: 'left' }, { region: 'abdomen', side: 'midline' }]);
  });

  it('limits count characters, and an area named twice is stored once', async () => {
    const by = '😀'.repeat(200); // 800 bytes, 200 characters: within the limit
    const saved = await api.expect(201, 'POST', '/api/v1/clearances', {
      json: { by, regions: [{ region: 'calves', side: 'left' }, { region: 'calves', side: 'left' }] },
    });
    assert.equal(saved[0].by, by);
    assert.deepEqual(saved[0].regions, [{ region: 'calves', side: 'left' }]);
  });

  it('a clearance while the latest answers still say yes is named on the finding, and today asks for the answers again', async () => {
    const rule = 'practitioner-arm-numbness-tingling';
    const finding = async () => (await api.expect(200, 'GET', '/api/v1/screening')).clearance.findings.find((f) => f.rule === rule);
    await api.expect(201, 'POST', '/api/v1/screening', { json: { answers: await cleanAnswers(api, ['arm-numbness-tingling']) } });
    const raised = await finding();
    assert.ok(raised && raised.raised === TODAY && !raised.carried, JSON.stringify(raised));
    assert.deepEqual([raised.cleared, raised.cleared_by, raised.cleared_regions], [null, '', []]);
    assert.match((await api.expect(200, 'GET', '/api/v1/today')).next_condition, /^after a practitioner has seen you/);

    // Cleared on the person's one area: the rest still waits for a clearance; their area only for the answers.
    await api.expect(201, 'POST', '/api/v1/clearances', { json: { by: 'Dr Kay', regions: [{ region: 'upper-trapezius', side: 'both' }] } });
    const partly = await finding();
    assert.deepEqual(
      [partly.raised, partly.cleared, partly.cleared_by, partly.cleared_regions],
      [TODAY, TODAY, 'Dr Kay', [{ region: 'upper-trapezius', side: 'both' }]],
    );
    const today = await api.expect(200, 'GET', '/api/v1/today');
    assert.deepEqual(today.due, []);
    assert.equal(
      today.next_condition,
      'after you answer the safety questions again: the clearance by Dr Kay on Monday, 23 November 2026 is recorded, but your latest answers still say yes',
    );

    // Cleared everywhere: nothing of it waits for a clearance, and the history says who.
    await api.expect(201, 'POST', '/api/v1/clearances', { json: { by: 'Dr Lee, physiotherapist' } });
    const cleared = await finding();
    assert.deepEqual(
      [cleared.until_cleared, cleared.carried, cleared.raised, cleared.cleared, cleared.cleared_by, cleared.cleared_regions],
      [true, false, null, TODAY, 'Dr Lee, physiotherapist', []],
    );
    const history = (await api.expect(200, 'GET', '/api/v1/progress')).safety_findings.filter((f) => f.rule === rule);
    assert.equal(history.at(-1).cleared_by, 'Dr Lee, physiotherapist');
    assert.match((await api.expect(200, 'GET', '/api/v1/today')).next_condition, /^after you answer the safety questions again: the clearance by Dr Lee, physiotherapist/);

    // Answered again with no: the warning sign is gone and a session is due.
    await api.expect(201, 'POST', '/api/v1/screening', { json: { answers: await cleanAnswers(api) } });
    assert.equal(await finding(), undefined);
    assert.ok((await api.expect(200, 'GET', '/api/v1/today')).due.length > 0);
  });

  it('malformed clearances are refused naming the field, nothing saved', async () => {
    const cases = [
      ['invalid JSON', { body: '{"by": ', contentType: JSON_TYPE }, 400, 'bad_json', null],
      ['text/plain', { body: JSON.stringify({ by: 'x' }), contentType: 'text/plain' }, 415, 'unsupported_media', null],
      ['a body over 64 KiB', { body: oversized({ by: 'x' }), contentType: JSON_TYPE }, 413, 'too_large', null],
      ['no by', { json: {} }, 400, 'invalid', 'by'],
      ['by blank', { json: { by: '   ' } }, 400, 'invalid', null],
      ['by on two lines', { json: { by: 'Dr\nLee' } }, 400, 'invalid', null],
      ['an unknown field', { json: { by: 'x', who: 'y' } }, 400, 'invalid', 'who'],
      ['a future date', { json: { by: 'x', date: '2026-12-30' } }, 400, 'invalid', 'date'],
      ['by longer than 200 characters', { json: { by: 'é'.repeat(201) } }, 400, 'invalid', 'by'],
      ['an impossible date', { json: { by: 'x', date: '2026-02-30' } }, 400, ['invalid', 'bad_date'], 'date'],
      ['an unknown region', { json: { by: 'x', regions: [{ region: 'nowhere' }] } }, 400, 'unknown_name', 'regions[0].region'],
      ['a bad side', { json: { by: 'x', regions: [{ region: 'calves', side: 'up' }] } }, 400, 'invalid', 'regions[0].side'],
      ['regions as a string', { json: { by: 'x', regions: 'calves' } }, 400, 'invalid', 'regions'],
    ];
    for (const [what, req, status, code, field] of cases) {
      await expectRefused(api, { path: '/api/v1/clearances', ...req, status, code, field, also: ['/api/v1/clearances', '/api/v1/today'] }).catch((e) => {
        e.message = `${what}: ${e.message}`;
        throw e;
      });
    }
  });
});
