// Issue 10, points 1 and 2 over HTTP (ADR 0021): a clinic administrator
// deactivates a practitioner — signed out at once, refused at login after the
// right password only, open invitations cancelled, links and records kept,
// the client told — and reactivates them; every refusal (not an
// administrator, another clinic, a person, an unknown id, their own account,
// another administrator, no change) changes nothing. A practitioner lists
// their invitations (never a code) and cancels an open one, whose code is
// then refused saying so. Runs on the suite's engine (FASCIA_API_ENGINE).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, addClinic, freshDbDir, databaseIn } from './lib/server.mjs';
import { Api, passwordLogin, stopServerAfter } from './lib/client.mjs';
import { setUpPerson } from './lib/flows.mjs';

const PASSWORD = 'admin-password-1';

describe('a clinic administrator deactivates and reactivates a practitioner; invitations are listed and cancelled', () => {
  let server;
  const api = {};  // name -> Api
  const id = {};   // name -> person id
  let openCode;     // pat's invitation still open when pat is deactivated
  let clinicBefore;

  const login = async (name) => (api[name] = (await passwordLogin(server, name, PASSWORD)).api);
  const state = (name) => `/api/v1/clinic/practitioners/${id[name]}`;

  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    const north = addClinic(db, 'North Physio');
    const south = addClinic(db, 'South Clinic');
    addUser(db, 'dana', PASSWORD);
    addUser(db, 'ada', PASSWORD, { role: 'admin', clinic: north });
    addUser(db, 'bea', PASSWORD, { role: 'admin', clinic: north });
    addUser(db, 'pat', PASSWORD, { role: 'practitioner', clinic: north });
    addUser(db, 'quinn', PASSWORD, { role: 'practitioner', clinic: north });
    addUser(db, 'sid', PASSWORD, { role: 'admin', clinic: south });
    addUser(db, 'sam', PASSWORD, { role: 'practitioner', clinic: south });
    server = await startServer({ db, dir });
    for (const name of ['dana', 'ada', 'bea', 'pat', 'quinn', 'sid', 'sam']) {
      await login(name);
      id[name] = (await api[name].expect(200, 'GET', '/api/v1/me')).person_id;
    }
    await setUpPerson(api.dana);
    const first = await api.pat.expect(201, 'POST', '/api/v1/invitations', { json: {} });
    await api.dana.expect(201, 'POST', '/api/v1/links', { json: { code: first.code, share: { journal: true } } });
    openCode = (await api.pat.expect(201, 'POST', '/api/v1/invitations', { json: {} })).code;
  });
  stopServerAfter(() => server);

  it('lists the clinic\'s members, each active', async () => {
    clinicBefore = await api.ada.expect(200, 'GET', '/api/v1/clinic');
    assert.deepEqual(clinicBefore.members.map((m) => [m.name, m.active, m.deactivated]).sort(), [
      ['ada', true, null], ['bea', true, null], ['pat', true, null], ['quinn', true, null],
    ]);
  });

  it('refuses anyone but the clinic\'s administrator, and any account but its practitioners, changing nothing', async () => {
    const cases = [
      ['quinn', 'pat', 403, /only a clinic administrator/],
      ['dana', 'pat', 403, /'dana' is a person/],
      ['sid', 'pat', 404, /no practitioner \d+ in your clinic/],   // another clinic's administrator
      ['ada', 'sam', 404, /no practitioner \d+ in your clinic/],   // another clinic's practitioner
      ['ada', 'dana', 404, /no practitioner \d+ in your clinic/],  // a person
      ['ada', 'ada', 409, /their own account/],
      ['ada', 'bea', 409, /'bea' is an administrator/],
    ];
    for (const [who, target, status, says] of cases)
      for (const verb of ['deactivate', 'reactivate']) {
        const r = await api[who].request('POST', `${state(target)}/${verb}`);
        assert.equal(r.status, status, `${who} ${verb}s ${target}: ${r.text}`);
        assert.match(r.body.error.message, says, `${who} ${verb}s ${target}`);
      }
    const unknown = await api.ada.request('POST', '/api/v1/clinic/practitioners/9999/deactivate');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.field, 'id');
    const active = await api.ada.request('POST', `${state('pat')}/reactivate`);
    assert.equal(active.status, 409);
    assert.match(active.body.error.message, /'pat' is already active/);
    assert.deepEqual(await api.ada.expect(200, 'GET', '/api/v1/clinic'), clinicBefore);
    await api.pat.expect(200, 'GET', '/api/v1/me');  // still signed in
  });

  it('deactivated, pat is signed out, refused at login (after the right password only), and their client is told', async () => {
    const logBefore = await api.dana.expect(200, 'GET', '/api/v1/access-log');
    const done = await api.ada.expect(200, 'POST', `${state('pat')}/deactivate`);
    assert.equal(done.name, 'pat');
    assert.equal(done.active, false);
    assert.match(done.deactivated, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    assert.equal((await api.pat.request('GET', '/api/v1/me')).status, 401, 'the session ended at once');
    assert.equal((await api.pat.request('GET', `/api/v1/clients/${id.dana}/journal`)).status, 401);
    const anon = new Api(server.base);
    const refused = await anon.request('POST', '/api/v1/login', { json: { name: 'pat', password: PASSWORD } });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');
    assert.match(refused.body.error.message, /deactivated by its clinic's administrator/);
    assert.equal(refused.headers['set-cookie'], undefined, 'no session, no device cookie');
    const wrong = await anon.request('POST', '/api/v1/login', { json: { name: 'pat', password: 'not-the-password' } });
    assert.equal(wrong.status, 401, 'a wrong password learns nothing about the account');
    assert.equal(wrong.body.error.code, 'bad_credentials');

    const accept = await api.dana.request('POST', '/api/v1/links', { json: { code: openCode, share: {} } });
    assert.equal(accept.status, 409);
    assert.match(accept.body.error.message, /cancelled by the practitioner who made it/);
    const [link] = await api.dana.expect(200, 'GET', '/api/v1/links');
    assert.equal(link.live, true, 'the link is kept');
    assert.equal(link.practitioner.name, 'pat');
    assert.equal(link.practitioner.active, false);
    assert.deepEqual(await api.dana.expect(200, 'GET', '/api/v1/access-log'), logBefore, 'the administrator read nothing of hers');

    const members = (await api.ada.expect(200, 'GET', '/api/v1/clinic')).members;
    assert.equal(members.find((m) => m.name === 'pat').active, false);
    const again = await api.ada.request('POST', `${state('pat')}/deactivate`);
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, /already deactivated/);
  });

  it('reactivated, pat signs in again and reaches what the client shares; the cancelled code stays cancelled', async () => {
    const back = await api.bea.expect(200, 'POST', `${state('pat')}/reactivate`);
    assert.equal(back.active, true);
    assert.equal(back.deactivated, null);
    await login('pat');
    await api.pat.expect(200, 'GET', `/api/v1/clients/${id.dana}/journal`);
    assert.equal((await api.dana.expect(200, 'GET', '/api/v1/links'))[0].practitioner.active, true);
    const accept = await api.dana.request('POST', '/api/v1/links', { json: { code: openCode, share: {} } });
    assert.equal(accept.status, 409);
    const listed = await api.pat.expect(200, 'GET', '/api/v1/invitations');
    assert.deepEqual(listed.map((i) => i.state), ['cancelled', 'used']);
  });

  it('a practitioner lists their invitations, never a code, and cancels an open one whose code is then refused', async () => {
    const made = await api.pat.expect(201, 'POST', '/api/v1/invitations', { json: { days: 2 } });
    const listed = await api.pat.expect(200, 'GET', '/api/v1/invitations');
    assert.deepEqual(listed.map((i) => i.state), ['open', 'cancelled', 'used']);
    assert.equal(listed[0].id, made.id);
    assert.equal(listed[0].expires, made.expires);
    assert.equal(listed[2].accepted_by.name, 'dana');
    assert.equal(listed[2].accepted_by.person_id, id.dana);
    assert.equal(listed[0].accepted_by, null);
    for (const i of listed) assert.ok(!('code' in i), 'only the hash of a code is kept');
    assert.deepEqual(await api.quinn.expect(200, 'GET', '/api/v1/invitations'), [], 'a colleague sees only their own');

    const cancel = `/api/v1/invitations/${made.id}/cancel`;
    assert.equal((await api.quinn.request('POST', cancel)).status, 404, 'not theirs');
    assert.equal((await api.sam.request('POST', cancel)).status, 404, 'another clinic\'s');
    assert.equal((await api.dana.request('POST', cancel)).status, 403, 'a person has no invitations');
    assert.equal((await api.ada.request('POST', cancel)).status, 403);
    assert.equal((await api.dana.request('GET', '/api/v1/invitations')).status, 403);
    assert.equal((await api.pat.request('POST', '/api/v1/invitations/999999/cancel')).status, 404);

    const cancelled = await api.pat.expect(200, 'POST', cancel);
    assert.equal(cancelled.state, 'cancelled');
    assert.match(cancelled.cancelled, /Z$/);
    const refused = await api.dana.request('POST', '/api/v1/links', { json: { code: made.code, share: { journal: true } } });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.message, 'this invitation was cancelled by the practitioner who made it; ask them for a new one');
    assert.equal(refused.body.error.field, 'code');

    for (const [which, says] of [[made.id, /already cancelled/], [listed[2].id, /already used/]]) {
      const r = await api.pat.request('POST', `/api/v1/invitations/${which}/cancel`);
      assert.equal(r.status, 409);
      assert.equal(r.body.error.code, 'precondition');
      assert.match(r.body.error.message, says);
    }
  });
});
