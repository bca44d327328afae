// Issue 10, point 6 over HTTP: the monitoring list and a client's progress
// page. A client who stopped a session for a sign that raises a warning sign
// comes first, with the reason and date; a client who shares nothing shows
// "not shared" and no flags; every view is logged once per client; the
// progress page needs the journal share, answers 409 for a client with no
// profile, and is logged.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, addClinic, freshDbDir, databaseIn, TODAY } from './lib/server.mjs';
import { passwordLogin, stopServerAfter } from './lib/client.mjs';
import { setUpPerson, doneEvents } from './lib/flows.mjs';

const PASSWORD = 'monitor-password-1';
const ALL = { journal: true, sessions: true, screening: true };

describe('the monitoring list and the client progress page', () => {
  let server;
  const api = {};
  const id = {};

  async function link(name, share) {
    const code = (await api.pat.expect(201, 'POST', '/api/v1/invitations', { json: {} })).code;
    await api[name].expect(201, 'POST', '/api/v1/links', { json: { code, share } });
  }
  const logOf = (name) => api[name].expect(200, 'GET', '/api/v1/access-log');

  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    const clinic = addClinic(db, 'Harbour Physio');
    for (const name of ['ada', 'ben', 'cleo', 'dev']) addUser(db, name, PASSWORD);
    addUser(db, 'pat', PASSWORD, { role: 'practitioner', clinic });
    addUser(db, 'quinn', PASSWORD, { role: 'practitioner', clinic });
    server = await startServer({ db, dir });
    for (const name of ['ada', 'ben', 'cleo', 'dev', 'pat', 'quinn']) {
      ({ api: api[name] } = await passwordLogin(server, name, PASSWORD));
      id[name] = (await api[name].expect(200, 'GET', '/api/v1/me')).person_id;
    }
    // ben: linked first, everything shared, a session done as planned.
    await setUpPerson(api.ben);
    await link('ben', ALL);
    const bensDue = (await api.ben.expect(200, 'GET', '/api/v1/today')).due[0];
    await api.ben.expect(201, 'POST', '/api/v1/sessions', { json: { protocol: bensDue.protocol, events: doneEvents(bensDue), soreness: 1 } });
    // ada: everything shared, then stops a session for a sign that raises a warning sign.
    await setUpPerson(api.ada);
    await link('ada', ALL);
    const signs = await api.ada.expect(200, 'GET', '/api/v1/kb/stop-signs');
    const sign = signs.find((s) => s.rescreen_question && s.action !== 'emergency');
    assert.ok(sign, 'no stop sign with a re-screen question');
    const due = (await api.ada.expect(200, 'GET', '/api/v1/today')).due[0];
    await api.ada.expect(201, 'POST', '/api/v1/sessions', {
      json: { protocol: due.protocol, events: [doneEvents(due)[0], { kind: 'stop', signs: [sign.id], amount: 3 }] },
    });
    // cleo: stopped a session too, but shares nothing.
    await setUpPerson(api.cleo);
    await link('cleo', {});
    const cleosDue = (await api.cleo.expect(200, 'GET', '/api/v1/today')).due[0];
    await api.cleo.expect(201, 'POST', '/api/v1/sessions', {
      json: { protocol: cleosDue.protocol, events: [doneEvents(cleosDue)[0], { kind: 'stop', signs: [sign.id], amount: 3 }] },
    });
    // dev: shares the journal, has no profile yet.
    await link('dev', { journal: true });
  });
  stopServerAfter(() => server);

  it('puts the client who stopped a session with a warning sign first, with the reason and date', async () => {
    const list = (await api.pat.expect(200, 'GET', '/api/v1/clients/attention')).clients;
    assert.deepEqual(list.map((c) => c.link.client.name), ['ada', 'ben', 'cleo', 'dev']);
    const ada = list[0];
    assert.deepEqual(ada.flags.map((f) => f.kind), ['stop-event', 'new-warning-sign']);
    assert.equal(ada.flags[0].date, TODAY);
    assert.equal(ada.flags[0].rank, 0);
    assert.match(ada.flags[0].reason, /^the session on Monday, 23 November 2026 was stopped for /);
    assert.ok(ada.flags[0].source, 'a stop sign names its source');
    assert.match(ada.flags[1].reason, /not cleared yet/);
    assert.equal(ada.flags[1].date, TODAY);
    assert.deepEqual(ada.not_shared, []);
    assert.deepEqual(list[1].flags, [], 'ben did his session: nothing to flag');
  });

  it('shows a client who shares nothing as not shared, with no flags, and logs each client once per view', async () => {
    const before = {};
    for (const name of ['ada', 'ben', 'cleo', 'dev']) before[name] = (await logOf(name)).length;
    const list = (await api.pat.expect(200, 'GET', '/api/v1/clients/attention')).clients;
    const cleo = list.find((c) => c.link.client.name === 'cleo');
    assert.deepEqual(cleo.flags, [], 'a stop in an unshared journal is not shown');
    assert.deepEqual(cleo.not_shared, ['journal', 'sessions', 'screening']);
    const dev = list.find((c) => c.link.client.name === 'dev');
    assert.deepEqual(dev.not_shared, ['sessions', 'screening']);
    for (const name of ['ada', 'ben', 'cleo', 'dev']) {
      const log = await logOf(name);
      assert.equal(log.length, before[name] + 1, `${name}: one entry per view`);
      assert.equal(log[0].who.name, 'pat');
      assert.equal(log[0].kind, 'read');
      assert.match(log[0].what, /^viewed on the monitoring list/);
    }
    const cleoLog = await logOf('cleo');
    assert.equal(cleoLog[0].area, 'link');
    assert.equal(cleoLog[0].what, 'viewed on the monitoring list (nothing shared)');
    assert.equal((await logOf('ada'))[0].area, 'journal');
  });

  it('gives a practitioner without clients an empty list and logs nothing; a person is refused', async () => {
    const before = (await logOf('ada')).length;
    assert.deepEqual(await api.quinn.expect(200, 'GET', '/api/v1/clients/attention'), { clients: [] });
    const refused = await api.ada.request('GET', '/api/v1/clients/attention');
    assert.equal(refused.status, 403, refused.text);
    assert.equal((await logOf('ada')).length, before);
  });

  it('shows a client\'s progress page with pain by region, adherence, screening history and the flags, logged', async () => {
    const before = (await logOf('ada')).length;
    const page = await api.pat.expect(200, 'GET', `/api/v1/clients/${id.ada}/progress`);
    assert.equal(page.link.client.name, 'ada');
    assert.equal(page.sessions, 1);
    assert.deepEqual(page.progress.trends.map((t) => [t.region, t.baseline]), [['upper-trapezius', 6]]);
    assert.ok(page.progress.meaningful_change.points > 0, 'the meaningful-change band is given');
    assert.equal(page.progress.weeks[0].stopped, 1);
    assert.equal(page.progress.safety_findings.length, 1, 'the warning sign the stop raised');
    assert.equal(page.progress.safety_findings[0].cleared, null);
    assert.deepEqual(page.flags.map((f) => f.kind), ['stop-event', 'new-warning-sign']);
    const log = await logOf('ada');
    assert.equal(log.length, before + 1);
    assert.equal(log[0].what, 'read progress on the client page');
  });

  it('refuses the progress page of a client who does not share the journal (403) or has no profile (409)', async () => {
    const before = (await logOf('cleo')).length;
    const unshared = await api.pat.request('GET', `/api/v1/clients/${id.cleo}/progress`);
    assert.equal(unshared.status, 403, unshared.text);
    assert.equal((await logOf('cleo')).length, before);
    const noProfile = await api.pat.request('GET', `/api/v1/clients/${id.dev}/progress`);
    assert.equal(noProfile.status, 409, noProfile.text);
    assert.equal(noProfile.body.error.code, 'precondition');
    const unlinked = await api.quinn.request('GET', `/api/v1/clients/${id.ada}/progress`);
    assert.equal(unlinked.status, 404, unlinked.text);
  });
});
