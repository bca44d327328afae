// Issue 10, points 1, 2 and 8 over HTTP: a clinic administrator adds a
// practitioner, the practitioner invites a client, the client accepts
// choosing what to share, changes it and revokes it (with effect on the next
// request), and reads who looked at their data.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, addClinic, freshDbDir, databaseIn, TODAY } from './lib/server.mjs';
import { Api, passwordLogin, stopServerAfter } from './lib/client.mjs';
import { setUpPerson, expectRefused, oversized } from './lib/flows.mjs';

const PASSWORD = 'care-password-1';
const JSON_TYPE = 'application/json';

describe('practitioners, invitations, links and the access log', () => {
  let server;
  let admin;
  let pat;
  let dana;
  let danaId;
  let link;
  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    const clinic = addClinic(db, 'Harbour Physio');
    addUser(db, 'dana', PASSWORD);
    addUser(db, 'ada', PASSWORD, { role: 'admin', clinic });
    server = await startServer({ db, dir });
    ({ api: admin } = await passwordLogin(server, 'ada', PASSWORD));
    ({ api: dana } = await passwordLogin(server, 'dana', PASSWORD));
    danaId = (await dana.expect(200, 'GET', '/api/v1/me')).person_id;
    await setUpPerson(dana);
  });
  stopServerAfter(() => server);

  it('the administrator adds a practitioner, who can then sign in as one', async () => {
    const added = await admin.expect(201, 'POST', '/api/v1/clinic/practitioners', { json: { name: 'pat', password: PASSWORD } });
    assert.equal(added.role, 'practitioner');
    const view = await admin.expect(200, 'GET', '/api/v1/clinic');
    assert.equal(view.clinic.name, 'Harbour Physio');
    assert.deepEqual(view.members.map((m) => [m.name, m.role]).sort(), [['ada', 'clinic_admin'], ['pat', 'practitioner']]);
    ({ api: pat } = await passwordLogin(server, 'pat', PASSWORD));
    const me = await pat.expect(200, 'GET', '/api/v1/me');
    assert.equal(me.role, 'practitioner');
    assert.equal(me.clinic_id, view.clinic.id);
    await expectRefused(admin, { path: '/api/v1/clinic/practitioners', json: { name: 'pat', password: PASSWORD }, status: 400, code: 'invalid', field: 'name' });
    await expectRefused(admin, { path: '/api/v1/clinic/practitioners', json: { name: 'Bad Name', password: PASSWORD }, status: 400, code: 'invalid', field: 'name' });
    await expectRefused(admin, { path: '/api/v1/clinic/practitioners', json: { name: 'short.pw', password: 'short' }, status: 400, code: 'invalid', field: 'password' });
  });

  it('an invitation is accepted once, typed any way, with the sharing the person chose', async () => {
    const inv = await pat.expect(201, 'POST', '/api/v1/invitations', { json: { days: 3 } });
    assert.match(inv.code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const typed = ` ${inv.code.toLowerCase().replaceAll('-', ' ')} `;
    // Before choosing what to share, dana learns whose code it is; looking changes nothing and logs nothing.
    const logBefore = await dana.expect(200, 'GET', '/api/v1/access-log');
    const preview = await dana.expect(200, 'POST', '/api/v1/links/look-up', { json: { code: typed } });
    assert.deepEqual(preview, { practitioner: 'pat', clinic: 'Harbour Physio', expires: inv.expires });
    assert.deepEqual((await dana.expect(200, 'GET', '/api/v1/links')), []);
    assert.deepEqual(await dana.expect(200, 'GET', '/api/v1/access-log'), logBefore);
    assert.equal((await dana.request('POST', '/api/v1/links/look-up', { json: { code: 'ZZZZ-ZZZZ-ZZZZ' } })).status, 404);
    await expectRefused(dana, { path: '/api/v1/links/look-up', json: { code: 'not a code' }, status: 400, code: 'invalid', field: 'code' });
    await expectRefused(dana, { path: '/api/v1/links/look-up', json: { code: inv.code, share: {} }, status: 400, code: 'invalid', field: 'share' });
    link = await dana.expect(201, 'POST', '/api/v1/links', { json: { code: typed, share: { journal: true } } });
    assert.deepEqual(link.share, { journal: true, sessions: false, screening: false });
    assert.equal(link.practitioner.name, 'pat');
    assert.equal(link.clinic.name, 'Harbour Physio');
    assert.equal(link.live, true);
    const again = await dana.request('POST', '/api/v1/links', { json: { code: inv.code, share: {} } });
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, /already been used/);
    const used = await dana.request('POST', '/api/v1/links/look-up', { json: { code: inv.code } });
    assert.equal(used.status, 409, 'a used code is refused as accepting it would be');
    assert.match(used.body.error.message, /already been used/);
    assert.equal((await dana.request('POST', '/api/v1/links', { json: { code: 'ZZZZ-ZZZZ-ZZZZ', share: {} } })).status, 404);
    // A practitioner cannot accept an invitation for a client.
    const own = await pat.expect(201, 'POST', '/api/v1/invitations', { json: {} });
    const refused = await pat.request('POST', '/api/v1/links', { json: { code: own.code, share: {} } });
    assert.equal(refused.status, 409);
    assert.match(refused.body.error.message, /only a person/);
  });

  it('refuses malformed invitations and links, naming the field', async () => {
    await expectRefused(pat, { path: '/api/v1/invitations', json: { days: 0 }, status: 400, code: 'invalid', field: 'days' });
    await expectRefused(pat, { path: '/api/v1/invitations', json: { days: 91 }, status: 400, code: 'invalid', field: 'days' });
    await expectRefused(pat, { path: '/api/v1/invitations', json: { weeks: 1 }, status: 400, code: 'invalid', field: 'weeks' });
    await expectRefused(dana, { path: '/api/v1/links', json: { code: 'short', share: {} }, status: 400, code: 'invalid', field: 'code' });
    await expectRefused(dana, { path: '/api/v1/links', json: { code: 'AAAA-BBBB-CCCC' }, status: 400, code: 'invalid', field: 'share' });
    await expectRefused(dana, { path: '/api/v1/links', json: { code: 'AAAA-BBBB-CCCC', share: { photos: true } }, status: 400, code: 'invalid', field: 'share.photos' });
    await expectRefused(dana, { path: '/api/v1/links', json: { code: 'AAAA-BBBB-CCCC', share: { journal: 'yes' } }, status: 400, code: 'invalid', field: 'share.journal' });
    for (const [path, api, json] of [
      ['/api/v1/invitations', pat, {}],
      ['/api/v1/links', dana, { code: 'AAAA-BBBB-CCCC', share: {} }],
      ['/api/v1/links/look-up', dana, { code: 'AAAA-BBBB-CCCC' }],
      ['/api/v1/clinic/practitioners', admin, { name: 'x', password: PASSWORD }],
    ]) {
      await expectRefused(api, { path, body: JSON.stringify(json), contentType: 'text/plain', status: 415, code: 'unsupported_media' });
      await expectRefused(api, { path, body: oversized(json), contentType: JSON_TYPE, status: 413, code: 'too_large' });
    }
    const share = `/api/v1/links/${link.id}/share`;
    await expectRefused(dana, { method: 'PUT', path: share, body: '{}', contentType: 'text/plain', status: 415, code: 'unsupported_media' });
    await expectRefused(dana, { method: 'PUT', path: share, body: oversized({}), contentType: JSON_TYPE, status: 413, code: 'too_large' });
    await expectRefused(dana, { method: 'PUT', path: share, json: { all: true }, status: 400, code: 'invalid', field: 'all' });
    const revoke = await dana.request('POST', `/api/v1/links/${link.id}/revoke`, { body: oversized({}), contentType: JSON_TYPE });
    assert.equal(revoke.status, 413);
  });

  it('what is not shared is refused with the reason, and nothing is logged for it', async () => {
    const before = await dana.expect(200, 'GET', '/api/v1/access-log');
    const r = await pat.request('GET', `/api/v1/clients/${danaId}/sessions`);
    assert.equal(r.status, 403);
    assert.match(r.body.error.message, /does not share their sessions/);
    assert.deepEqual(await dana.expect(200, 'GET', '/api/v1/access-log'), before);
  });

  it('each read by the practitioner is in the person\'s access log: who, what, when', async () => {
    const clients = await pat.expect(200, 'GET', '/api/v1/clients');
    assert.deepEqual(clients.map((c) => c.client.person_id), [danaId]);
    // Clearances belong to screening, which dana does not share: her own note
    // about a private visit must not come with the journal.
    await dana.expect(201, 'POST', '/api/v1/clearances', { json: { by: 'Dr Own, GP', note: 'private-visit-4c1e' } });
    const journal = await pat.expect(200, 'GET', `/api/v1/clients/${danaId}/journal`);
    assert.ok(!JSON.stringify(journal).includes('private-visit-4c1e'), 'the journal part carries clearances');
    assert.deepEqual(journal.journal.clearances, []);
    assert.equal(journal.link.id, link.id);
    const log = await dana.expect(200, 'GET', '/api/v1/access-log');
    assert.equal(log[0].who.name, 'pat');
    assert.equal(log[0].who.role, 'practitioner');
    assert.equal(log[0].area, 'journal');
    assert.equal(log[0].kind, 'read');
    assert.match(log[0].what, /journal/);
    // Stamped on the server's calendar (--today), at the real time of day (ADR 0025).
    const shift = Date.parse(log[0].at) - Date.now();
    const days = Math.round(shift / 86_400_000);
    assert.ok(Math.abs(shift - days * 86_400_000) < 120_000, `the time of day of now: ${log[0].at}`);
    assert.equal(new Date(Date.parse(log[0].at)).toLocaleDateString('sv-SE'), TODAY, `on the server's today: ${log[0].at}`);
  });

  it('sharing changed by the person holds from the practitioner\'s next request', async () => {
    await dana.expect(200, 'PUT', `/api/v1/links/${link.id}/share`, { json: { journal: true, sessions: true, screening: true } });
    const sessions = await pat.expect(200, 'GET', `/api/v1/clients/${danaId}/sessions`);
    assert.deepEqual(sessions.sessions, []);
    const screening = await pat.expect(200, 'GET', `/api/v1/clients/${danaId}/screening`);
    assert.ok(screening.screening.clearance);
    await dana.expect(200, 'PUT', `/api/v1/links/${link.id}/share`, { json: { sessions: true } });
    assert.equal((await pat.request('GET', `/api/v1/clients/${danaId}/journal`)).status, 403);
  });

  it('a revoked link opens nothing from the next request, and the log stays as it was', async () => {
    const revoked = await dana.expect(200, 'POST', `/api/v1/links/${link.id}/revoke`);
    assert.equal(revoked.live, false);
    assert.ok(revoked.revoked);
    const before = await dana.expect(200, 'GET', '/api/v1/access-log');
    for (const part of ['', '/journal', '/sessions', '/screening'])
      assert.equal((await pat.request('GET', `/api/v1/clients/${danaId}${part}`)).status, 404, part);
    assert.deepEqual(await pat.expect(200, 'GET', '/api/v1/clients'), []);
    assert.deepEqual(await dana.expect(200, 'GET', '/api/v1/access-log'), before);
    assert.equal((await dana.request('POST', `/api/v1/links/${link.id}/revoke`)).status, 404, 'revoking twice');
    assert.equal((await dana.request('PUT', `/api/v1/links/${link.id}/share`, { json: { journal: true } })).status, 404, 'a revoked link cannot be re-shared');
    const links = await dana.expect(200, 'GET', '/api/v1/links');
    assert.equal(links.length, 1);
    assert.equal(links[0].live, false);
  });

  it('the clinic page is the administrator\'s only', async () => {
    assert.equal((await pat.request('GET', '/api/v1/clinic')).status, 403);
    assert.equal((await dana.request('GET', '/api/v1/clinic')).status, 403);
    assert.equal((await new Api(server.base).request('GET', '/api/v1/clinic')).status, 401);
  });
});
