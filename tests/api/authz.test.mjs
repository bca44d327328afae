// Issue 10: the authorization matrix, generated from the OpenAPI document so
// that a new route cannot escape it. Every operation carries
// `x-fascia-access` (public, self, practitioner, client, clinic_admin); each
// is called as each of nine callers and the answer checked against what
// its class allows:
//   the person, another person, a linked practitioner, an unlinked
//   practitioner of the same clinic, a practitioner of another clinic, the
//   clinic administrator, a practitioner whose link was revoked, a linked
//   practitioner the administrator deactivated while signed in (ADR 0021:
//   401 everywhere, their live link opens nothing), anonymous.
// No one but the person and the linked practitioner ever receives the
// person's data (a marker written into it never appears in their answers),
// and every refusal leaves the person's access log unchanged. Runs on the
// suite's engine (FASCIA_API_ENGINE: SQLite, or PostgreSQL).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, addClinic, freshDbDir, databaseIn } from './lib/server.mjs';
import { Api, passwordLogin, stopServerAfter } from './lib/client.mjs';
import { operations } from './lib/openapi.mjs';
import { ROUTES } from './lib/routes.mjs';
import { setUpPerson, doneEvents } from './lib/flows.mjs';

const MARK = 'carla-private-8d2e';
const ACCESS = new Set(['public', 'self', 'practitioner', 'client', 'clinic_admin']);
const PASSWORD = 'matrix-password-1';

describe('the authorization matrix: every route of the OpenAPI document × nine callers', () => {
  let server;
  const callers = {};  // name -> Api (anonymous: no cookie)
  let carlaId;
  let liveLink;
  let revokedLink;
  let noteId;
  let openInvitation;  // the linked practitioner's, cancelled by them in the matrix

  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    const north = addClinic(db, 'North Physio');
    const south = addClinic(db, 'South Clinic');
    addUser(db, 'carla', PASSWORD);  // the person
    addUser(db, 'omar', PASSWORD);   // another person
    addUser(db, 'pat', PASSWORD, { role: 'practitioner', clinic: north });    // linked
    addUser(db, 'quinn', PASSWORD, { role: 'practitioner', clinic: north });  // same clinic, unlinked
    addUser(db, 'sam', PASSWORD, { role: 'practitioner', clinic: south });    // another clinic
    addUser(db, 'ada', PASSWORD, { role: 'admin', clinic: north });           // the clinic administrator
    addUser(db, 'rex', PASSWORD, { role: 'practitioner', clinic: north });    // linked, then revoked
    addUser(db, 'dee', PASSWORD, { role: 'practitioner', clinic: north });    // linked, then deactivated
    server = await startServer({ db, dir });
    for (const name of ['carla', 'omar', 'pat', 'quinn', 'sam', 'ada', 'rex', 'dee'])
      callers[name] = (await passwordLogin(server, name, PASSWORD)).api;
    callers.anonymous = new Api(server.base);

    const carla = callers.carla;
    carlaId = (await carla.expect(200, 'GET', '/api/v1/me')).person_id;
    await setUpPerson(carla, { name: MARK, regions: [{ region: 'upper-trapezius', side: 'both', pain: 6 }], tools: ['starter-kit'], weekdays: [0, 1, 2, 3, 4, 5, 6], minutes_per_session: 30 });
    const due = (await carla.expect(200, 'GET', '/api/v1/today')).due[0];
    await carla.expect(201, 'POST', '/api/v1/sessions', { json: { protocol: due.protocol, events: doneEvents(due), soreness: 2 } });
    await carla.expect(201, 'POST', '/api/v1/journal/note', { json: { text: MARK } });
    const all = { journal: true, sessions: true, screening: true };
    const patCode = (await callers.pat.expect(201, 'POST', '/api/v1/invitations', { json: {} })).code;
    liveLink = (await carla.expect(201, 'POST', '/api/v1/links', { json: { code: patCode, share: all } })).id;
    const rexCode = (await callers.rex.expect(201, 'POST', '/api/v1/invitations', { json: {} })).code;
    revokedLink = (await carla.expect(201, 'POST', '/api/v1/links', { json: { code: rexCode, share: all } })).id;
    await carla.expect(200, 'POST', `/api/v1/links/${revokedLink}/revoke`);
    const deeCode = (await callers.dee.expect(201, 'POST', '/api/v1/invitations', { json: {} })).code;
    await carla.expect(201, 'POST', '/api/v1/links', { json: { code: deeCode, share: all } });
    const dee = (await callers.dee.expect(200, 'GET', '/api/v1/me')).person_id;
    await callers.ada.expect(200, 'POST', `/api/v1/clinic/practitioners/${dee}/deactivate`);
    openInvitation = (await callers.pat.expect(201, 'POST', '/api/v1/invitations', { json: {} })).id;
    // A visit note by the linked practitioner, carrying the marker: the amendment route's note.
    noteId = (await callers.pat.expect(201, 'POST', `/api/v1/clients/${carlaId}/notes`, { json: { subjective: MARK } })).id;
  });
  stopServerAfter(() => server);

  it('gives every operation an access class', () => {
    const missing = operations.filter((o) => !ACCESS.has(o.operation['x-fascia-access']));
    assert.deepEqual(missing.map((o) => `${o.method} ${o.template}`), [], 'operations without a known x-fascia-access');
  });

  // A concrete request for an operation: its path with the person's ids.
  function requestFor(op) {
    const route = ROUTES.find((r) => r.method === op.method && r.template === op.template);
    let p = route?.sample ?? op.template;
    if (op.template.startsWith('/api/v1/clients/{id}'))
      p = op.template.replace('{id}', String(carlaId)).replace('{note}', String(noteId)).replace('{program}', '1');
    // Sharing: the live link, unchanged. Revoking: the link already revoked, so nothing changes.
    if (op.template === '/api/v1/links/{id}/share') p = `/api/v1/links/${liveLink}/share`;
    if (op.template === '/api/v1/links/{id}/revoke') p = `/api/v1/links/${revokedLink}/revoke`;
    // Cancelling: the linked practitioner's open invitation (theirs to cancel, no one else's).
    if (op.template === '/api/v1/invitations/{id}/cancel') p = `/api/v1/invitations/${openInvitation}/cancel`;
    // Deactivating and reactivating: person 1, the person (never a practitioner of the clinic):
    // the administrator is refused too, so no caller is signed out during the matrix.
    let body = route?.body;
    if (op.template === '/api/v1/links/{id}/share') body = { journal: true, sessions: true, screening: true };
    return { path: p, options: body === undefined ? (op.method === 'GET' ? {} : { json: {} }) : { json: body } };
  }

  // What each caller may get from an operation of each class: 'data' (a 2xx
  // that may carry the person's data), a status, or 'own' (any documented
  // answer about the caller themselves, never the person's data).
  function expected(access, who) {
    if (access === 'public') return 'own';
    if (who === 'anonymous' || who === 'dee') return 401;
    switch (access) {
      case 'self':
        return who === 'carla' ? 'data' : 'own';
      case 'practitioner':
        return ['pat', 'quinn', 'sam', 'rex'].includes(who) ? (who === 'pat' ? 'data' : 'own') : 403;
      case 'client':
        if (who === 'pat') return 'data';
        return ['quinn', 'sam', 'rex'].includes(who) ? 404 : 403;
      case 'clinic_admin':
        return who === 'ada' ? 'own' : 403;
    }
    throw new Error(access);
  }

  async function accessLog() {
    return (await callers.carla.expect(200, 'GET', '/api/v1/access-log')).length;
  }

  // Logout is called last by each caller; a repeated POST of a write is harmless.
  const ordered = [...operations].sort((a, b) => (a.template === '/api/v1/logout') - (b.template === '/api/v1/logout'));
  for (const who of ['carla', 'omar', 'pat', 'quinn', 'sam', 'ada', 'rex', 'dee', 'anonymous'])
    it(`as ${who}: every route answers as its class allows, and refusals log nothing`, async () => {
      const api = callers[who];
      for (const op of ordered) {
        if (op.template === '/api/v1/logout' && who !== 'anonymous') continue;
        const access = op.operation['x-fascia-access'];
        const want = expected(access, who);
        const { path: p, options } = requestFor(op);
        const before = await accessLog();
        const r = await api.request(op.method, p, options);
        const after = await accessLog();
        const where = `${who}: ${op.method} ${p} (${access})`;
        if (typeof want === 'number') {
          assert.equal(r.status, want, `${where}: ${r.status} ${r.text.slice(0, 300)}`);
          assert.equal(after, before, `${where}: a refusal changed the person's access log`);
        } else if (want === 'own') {
          assert.ok(r.status < 500, where);
          if (op.template !== '/api/v1/access-log' || who !== 'carla')
            assert.equal(after, before, `${where}: an answer about the caller changed the person's access log`);
        } else if (access === 'self') {
          assert.ok(r.status < 500, where);  // the person's own routes: whatever their own state gives
        } else {
          assert.ok(r.status >= 200 && r.status < 300, `${where}: ${r.status} ${r.text.slice(0, 300)}`);
        }
        if (who !== 'carla' && want !== 'data' && op.template !== '/api/v1/openapi.json')
          assert.ok(!r.text.includes(MARK), `${where}: the answer carries the person's data`);
        if (access === 'client' && want === 'data')
          assert.equal(after, before + 1, `${where}: a practitioner's read was not logged once`);
      }
    });

  it('the linked practitioner does receive the data it was given (the marker is reachable)', async () => {
    const journal = await callers.pat.expect(200, 'GET', `/api/v1/clients/${carlaId}/journal`);
    assert.ok(JSON.stringify(journal).includes(MARK));
  });
});
