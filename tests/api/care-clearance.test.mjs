// Issue 10, point 5: a linked practitioner records a clearance that lifts a
// "see a practitioner first" warning sign for the person, signed with the
// practitioner's and clinic's names; the person sees who cleared what, and
// the clearance is in the access log. Anyone else is refused, and nothing
// is stored or logged for them.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, addClinic, freshDbDir, databaseIn, TODAY } from './lib/server.mjs';
import { passwordLogin, stopServerAfter } from './lib/client.mjs';
import { cleanAnswers, expectRefused, oversized, setUpPerson } from './lib/flows.mjs';

const PASSWORD = 'clear-password-1';
const JSON_TYPE = 'application/json';

describe('a linked practitioner clears a warning sign', () => {
  let server;
  let pat;
  let quinn;
  let eve;
  let eveId;
  let path;
  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    const clinic = addClinic(db, 'Harbour Physio');
    addUser(db, 'eve', PASSWORD);
    addUser(db, 'pat', PASSWORD, { role: 'practitioner', clinic });
    addUser(db, 'quinn', PASSWORD, { role: 'practitioner', clinic });
    server = await startServer({ db, dir });
    ({ api: eve } = await passwordLogin(server, 'eve', PASSWORD));
    ({ api: pat } = await passwordLogin(server, 'pat', PASSWORD));
    ({ api: quinn } = await passwordLogin(server, 'quinn', PASSWORD));
    eveId = (await eve.expect(200, 'GET', '/api/v1/me')).person_id;
    path = `/api/v1/clients/${eveId}/clearances`;
    await setUpPerson(eve);
    await eve.expect(201, 'POST', '/api/v1/screening', { json: { answers: await cleanAnswers(eve, ['arm-numbness-tingling']) } });
    const { code } = await pat.expect(201, 'POST', '/api/v1/invitations', { json: {} });
    await eve.expect(201, 'POST', '/api/v1/links', { json: { code, share: { screening: true } } });
  });
  stopServerAfter(() => server);

  it('the person is held back by the warning sign, even answering no again, until then', async () => {
    await eve.expect(201, 'POST', '/api/v1/screening', { json: { answers: await cleanAnswers(eve) } });
    const today = await eve.expect(200, 'GET', '/api/v1/today');
    assert.deepEqual(today.due, []);
    assert.match(today.next_condition, /practitioner/);
  });

  it('an unlinked colleague is refused and nothing is stored or logged', async () => {
    const before = await eve.expect(200, 'GET', '/api/v1/access-log');
    assert.equal((await quinn.request('POST', path, { json: { note: 'x' } })).status, 404);
    assert.equal((await eve.request('POST', path, { json: { note: 'x' } })).status, 403);
    assert.deepEqual(await eve.expect(200, 'GET', '/api/v1/clearances'), []);
    assert.deepEqual(await eve.expect(200, 'GET', '/api/v1/access-log'), before);
  });

  it('malformed clearances are refused naming the field, and leave no trace', async () => {
    const before = await eve.expect(200, 'GET', '/api/v1/access-log');
    await expectRefused(pat, { path, json: { regions: [{ region: 'no-such-region' }] }, status: 400, code: 'unknown_name', field: 'regions[0].region' });
    await expectRefused(pat, { path, json: { date: '2026-02-30' }, status: 400, code: 'invalid', field: 'date' });
    await expectRefused(pat, { path, json: { by: 'someone else' }, status: 400, code: 'invalid', field: 'by' });
    await expectRefused(pat, { path, body: '{}', contentType: 'text/plain', status: 415, code: 'unsupported_media' });
    await expectRefused(pat, { path, body: oversized({}), contentType: JSON_TYPE, status: 413, code: 'too_large' });
    assert.deepEqual(await eve.expect(200, 'GET', '/api/v1/clearances'), []);
    assert.deepEqual(await eve.expect(200, 'GET', '/api/v1/access-log'), before);
  });

  it('the linked practitioner\'s clearance lifts it; the person sees who cleared what, and the access', async () => {
    const saved = await pat.expect(201, 'POST', path, { json: { note: 'nerve tension tests normal' } });
    assert.equal(saved[0].by, 'pat, Harbour Physio');
    assert.equal(saved[0].date, TODAY);
    assert.equal(saved[0].by_practitioner, true, 'signed with pat\'s own account');
    const mine = await eve.expect(200, 'GET', '/api/v1/clearances');
    assert.deepEqual(mine.map((c) => [c.by, c.note, c.by_practitioner]), [['pat, Harbour Physio', 'nerve tension tests normal', true]]);
    const today = await eve.expect(200, 'GET', '/api/v1/today');
    assert.ok(today.due.length > 0, JSON.stringify(today).slice(0, 400));
    const log = await eve.expect(200, 'GET', '/api/v1/access-log');
    assert.equal(log[0].kind, 'write');
    assert.equal(log[0].area, 'care');
    assert.match(log[0].what, /clearance/);
    const screening = await pat.expect(200, 'GET', `/api/v1/clients/${eveId}/screening`);
    assert.ok(!screening.screening.clearance.findings.some((f) => f.rule === 'practitioner-arm-numbness-tingling'), JSON.stringify(screening.screening.clearance));
  });
});
