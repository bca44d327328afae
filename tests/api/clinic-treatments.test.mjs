// Issue 10, point 4 over HTTP: a linked practitioner records what was done in
// clinic; instrument work on the upper trapezius today holds the person's
// home instrument work there for 48 h, which today and the plan both say
// (naming clinic work); the person's access log shows the write; bad input is
// refused naming the field, and an unlinked practitioner gets 404 with
// nothing stored or logged.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, addClinic, freshDbDir, databaseIn, TODAY } from './lib/server.mjs';
import { passwordLogin, stopServerAfter } from './lib/client.mjs';
import { setUpPerson, oversized } from './lib/flows.mjs';

const PASSWORD = 'clinic-password-1';
const JSON_TYPE = 'application/json';
const IASTM = { treatment: 'clinic-iastm', regions: [{ region: 'upper-trapezius', side: 'left' }], pressure: 4, minutes: 5, reaction: 'redness that faded within the hour' };

describe('clinic treatments recorded by a linked practitioner', () => {
  let server;
  let dana;
  let pat;
  let quinn;
  let danaId;
  let treatments;

  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    const clinic = addClinic(db, 'Harbour Physio');
    addUser(db, 'dana', PASSWORD);
    addUser(db, 'pat', PASSWORD, { role: 'practitioner', clinic });
    addUser(db, 'quinn', PASSWORD, { role: 'practitioner', clinic });
    server = await startServer({ db, dir });
    ({ api: dana } = await passwordLogin(server, 'dana', PASSWORD));
    ({ api: pat } = await passwordLogin(server, 'pat', PASSWORD));
    ({ api: quinn } = await passwordLogin(server, 'quinn', PASSWORD));
    danaId = (await dana.expect(200, 'GET', '/api/v1/me')).person_id;
    await setUpPerson(dana);
    const code = (await pat.expect(201, 'POST', '/api/v1/invitations', { json: {} })).code;
    await dana.expect(201, 'POST', '/api/v1/links', { json: { code, share: {} } });
    treatments = `/api/v1/clients/${danaId}/treatments`;
  });
  stopServerAfter(() => server);

  // What a refusal must leave as it was: the person's journal and access log.
  async function untouched() {
    return { journal: await dana.expect(200, 'GET', '/api/v1/journal'), log: await dana.expect(200, 'GET', '/api/v1/access-log') };
  }

  it('refuses bad input naming the field, storing and logging nothing', async () => {
    // Seen before anything is recorded, so that the views below must notice the write.
    const today = await dana.expect(200, 'GET', '/api/v1/today');
    assert.ok(today.due.length > 0, 'a session is due before the clinic visit');
    const before = await untouched();
    const refusals = [
      [{ ...IASTM, treatment: 'cupping' }, 'unknown_name', 'treatment'],
      [{ ...IASTM, regions: [{ region: 'elbow' }] }, 'unknown_name', 'regions[0].region'],
      [{ ...IASTM, regions: [{ region: 'upper-trapezius', side: 'middle' }] }, 'invalid', 'regions[0].side'],
      [{ ...IASTM, regions: [] }, 'invalid', 'regions'],
      [{ ...IASTM, pressure: 11 }, 'invalid', 'pressure'],
      [{ ...IASTM, minutes: 0 }, 'invalid', 'minutes'],
      [{ ...IASTM, minutes: 241 }, 'invalid', 'minutes'],
      [{ treatment: 'clinic-iastm', regions: IASTM.regions }, 'invalid', 'minutes'],
      [{ ...IASTM, date: '2026-11-24' }, 'invalid', 'date'],
      [{ ...IASTM, date: '2025-11-01' }, 'invalid', 'date'],
      [{ ...IASTM, reaction: 'r'.repeat(1001) }, 'invalid', 'reaction'],
      [{ ...IASTM, colour: 'red' }, 'invalid', 'colour'],
    ];
    for (const [json, code, field] of refusals) {
      const r = await pat.request('POST', treatments, { json });
      assert.equal(r.status, 400, `${JSON.stringify(json).slice(0, 120)}: ${r.text}`);
      assert.equal(r.body.error.code, code, r.text);
      assert.equal(r.body.error.field, field, r.text);
    }
    const unsupported = await pat.request('POST', treatments, { body: JSON.stringify(IASTM), contentType: 'text/plain' });
    assert.equal(unsupported.status, 415);
    const large = await pat.request('POST', treatments, { body: oversized(IASTM), contentType: JSON_TYPE });
    assert.equal(large.status, 413);
    assert.deepEqual(await untouched(), before);
  });

  it('an unlinked practitioner, or the person, is refused and nothing is stored', async () => {
    const before = await untouched();
    const unlinked = await quinn.request('POST', treatments, { json: IASTM });
    assert.equal(unlinked.status, 404, unlinked.text);
    assert.equal((await quinn.request('POST', '/api/v1/clients/999999/treatments', { json: IASTM })).status, 404);
    const self = await dana.request('POST', treatments, { json: IASTM });
    assert.equal(self.status, 403, self.text);
    assert.deepEqual(await untouched(), before);
  });

  it('records the treatment in the person\'s journal and logs the write', async () => {
    const stored = await pat.expect(201, 'POST', treatments, { json: IASTM });
    assert.ok(stored.id > 0);
    assert.equal(stored.date, TODAY);
    assert.deepEqual(stored.regions, IASTM.regions);
    assert.equal(stored.practitioner, 'pat');
    assert.equal(stored.pressure, 4);
    // Instrument work: home instrument work there may go on two days later at the earliest (the 48 h gap).
    const resumes = new Date(`${TODAY}T00:00:00Z`);
    resumes.setUTCDate(resumes.getUTCDate() + 2);
    assert.equal(stored.home_work_resumes, resumes.toISOString().slice(0, 10));
    const { home_work_resumes: _, ...entry } = stored;
    const journal = await dana.expect(200, 'GET', '/api/v1/journal');
    assert.deepEqual(journal.clinic_treatments, [entry]);
    const log = await dana.expect(200, 'GET', '/api/v1/access-log');
    assert.equal(log[0].who.name, 'pat');
    assert.equal(log[0].kind, 'write');
    assert.equal(log[0].area, 'care');
    assert.equal(log[0].what, 'recorded a clinic treatment');
  });

  it('today holds home instrument work on the region, naming clinic work', async () => {
    const today = await dana.expect(200, 'GET', '/api/v1/today');
    assert.deepEqual(today.due, [], 'nothing due on the day of clinic instrument work');
    const gap = today.why_not_today.find((g) => g.rule === 'instrument-min-hours-between');
    assert.ok(gap, JSON.stringify(today.why_not_today));
    assert.match(gap.text, /instrument work in clinic on Monday, 23 November 2026/);
    assert.ok(gap.areas.some((a) => a.region === 'upper-trapezius'), JSON.stringify(gap.areas));
    assert.equal(gap.date, '2026-11-25');
    assert.ok(today.not_today.some((r) => r.rule === 'instrument-min-hours-between' && /in clinic/.test(r.text)));
  });

  it('the plan places home instrument work on the region no earlier than two days later', async () => {
    const plan = await dana.expect(200, 'GET', '/api/v1/plan');
    const dates = [];
    for (const day of plan.days)
      for (const session of day.sessions)
        if (session.steps.some((s) => s.region === 'upper-trapezius' && s.modality === 'instrument')) dates.push(day.date);
    assert.ok(dates.length > 0, 'home instrument work is still planned');
    assert.ok(dates.every((d) => d >= '2026-11-25'), dates.join(', '));
    assert.equal(dates[0], '2026-11-25');
  });

  it('a massage kind that counts as nothing holds nothing back', async () => {
    const stored = await pat.expect(201, 'POST', treatments, {
      json: { treatment: 'swedish-massage', regions: [{ region: 'calves' }], minutes: 60, date: '2026-11-20' },
    });
    assert.deepEqual(stored.regions, [{ region: 'calves', side: 'both' }]);
    assert.equal(stored.pressure, null);
    const journal = await dana.expect(200, 'GET', '/api/v1/journal');
    assert.deepEqual(journal.clinic_treatments.map((t) => t.treatment), ['swedish-massage', 'clinic-iastm'], 'oldest first');
  });
});
