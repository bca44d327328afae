// Two accounts are two people: neither ever sees the other's profile,
// screening, journal, sessions, plan, today or progress, and a session id of
// one person is 404 for the other.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, addUser, freshDbDir, databaseIn } from './lib/server.mjs';
import { tokenLogin, passwordLogin, stopServerAfter } from './lib/client.mjs';
import { setUpPerson, doneEvents, journalOf, cleanAnswers } from './lib/flows.mjs';

const MARK = 'alice-private-note-7f3a';

describe('each account sees only its own person', () => {
  let server;
  let alice;
  let aliceToken;
  let bob;
  let aliceSession;
  let aliceJournal;
  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    addUser(db, 'alice', 'alice-password-1');
    addUser(db, 'bob', 'bob-password-22');
    server = await startServer({ db, dir });
    ({ api: alice } = await passwordLogin(server, 'alice', 'alice-password-1'));
    ({ api: aliceToken } = await tokenLogin(server));
    ({ api: bob } = await passwordLogin(server, 'bob', 'bob-password-22'));
  });
  stopServerAfter(() => server);

  it('alice (person 1) builds up a profile, screening, a session and journal entries', async () => {
    await setUpPerson(alice, {
      name: 'Alice',
      regions: [{ region: 'upper-trapezius', side: 'both', pain: 6 }],
      tools: ['starter-kit'],
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      minutes_per_session: 30,
    });
    const due = (await alice.expect(200, 'GET', '/api/v1/today')).due[0];
    aliceSession = (await alice.expect(201, 'POST', '/api/v1/sessions', { json: { protocol: due.protocol, events: doneEvents(due), soreness: 3 } })).session;
    await alice.expect(201, 'POST', '/api/v1/journal/pain', { json: { region: 'upper-trapezius', score: 5 } });
    await alice.expect(201, 'POST', '/api/v1/journal/reaction', { json: { region: 'upper-trapezius', redness: true } });
    await alice.expect(201, 'POST', '/api/v1/journal/habit', { json: { habit: 'movement-breaks' } });
    await alice.expect(201, 'POST', '/api/v1/journal/treatment', { json: { treatment: 'physiotherapy', note: MARK } });
    await alice.expect(201, 'POST', '/api/v1/journal/note', { json: { text: MARK } });
    aliceJournal = await journalOf(alice);
    assert.equal(aliceJournal.sessions.length, 1);
  });

  it('the start-up link\'s session is person 1 too: the same data as alice', async () => {
    assert.deepEqual(await journalOf(aliceToken), aliceJournal);
    assert.deepEqual(await aliceToken.expect(200, 'GET', '/api/v1/profile'), await alice.expect(200, 'GET', '/api/v1/profile'));
  });

  it('bob sees none of it: no profile, no screening, an empty journal, no sessions, no plan', async () => {
    assert.equal((await bob.request('GET', '/api/v1/profile')).status, 404);
    assert.equal((await bob.request('GET', '/api/v1/screening')).status, 404);
    assert.deepEqual(await journalOf(bob), { pain: [], reactions: [], habits: [], treatments: [], notes: [], sessions: [], clearances: [], clinic_treatments: [] });
    assert.deepEqual(await bob.expect(200, 'GET', '/api/v1/sessions'), []);
    for (const p of ['/api/v1/plan', '/api/v1/today', '/api/v1/progress']) assert.equal((await bob.request('GET', p)).status, 409, p);
    const me = await bob.expect(200, 'GET', '/api/v1/me');
    assert.deepEqual([me.person_id, me.name, me.has_profile, me.has_screening], [2, 'bob', false, false]);
  });

  it('alice\'s session id is 404 for bob, exactly like an id that does not exist', async () => {
    const theirs = await bob.request('GET', `/api/v1/sessions/${aliceSession.id}`);
    assert.equal(theirs.status, 404);
    const none = await bob.request('GET', `/api/v1/sessions/${aliceSession.id + 500}`);
    assert.equal(none.status, 404);
    assert.equal(theirs.body.error.code, none.body.error.code);
    assert.doesNotMatch(theirs.text, /upper-trapezius|neck|alice/i);
  });

  it('once bob has his own data, his views contain only his', async () => {
    await setUpPerson(bob, { regions: [{ region: 'calves', side: 'left', pain: 3 }], tools: ['rolling-kit'], weekdays: [1, 3], minutes_per_session: 20 });
    await bob.expect(201, 'POST', '/api/v1/journal/pain', { json: { region: 'calves', side: 'left', score: 2 } });
    await bob.expect(201, 'POST', '/api/v1/journal/note', { json: { text: 'bob walked' } });
    const journal = await journalOf(bob);
    assert.deepEqual(journal.pain.map((p) => p.region), ['calves']);
    assert.deepEqual(journal.notes.map((n) => n.text), ['bob walked']);
    assert.deepEqual([journal.reactions, journal.habits, journal.treatments, journal.sessions], [[], [], [], []]);
    const profile = await bob.expect(200, 'GET', '/api/v1/profile');
    assert.deepEqual(profile.regions, [{ region: 'calves', side: 'left', pain: 3 }]);
    const progress = await bob.expect(200, 'GET', '/api/v1/progress');
    assert.deepEqual(progress.trends.map((t) => t.region), ['calves']);
    assert.ok(progress.weeks.every((w) => w.done === 0), 'alice\'s session counted in bob\'s adherence');
    assert.equal(progress.treatments_elsewhere, 0, 'alice\'s treatment counted for bob');
    const today = await bob.expect(200, 'GET', '/api/v1/today');
    const plan = await bob.expect(200, 'GET', '/api/v1/plan');
    for (const [name, view] of [['today', today], ['plan', plan], ['progress', progress], ['journal', journal], ['profile', profile]])
      assert.ok(!JSON.stringify(view).includes(MARK) && !JSON.stringify(view).includes('upper-trapezius'), `bob's ${name} mentions alice's data`);
    // Bob's screening is his own (alice's has the same answers but a different record).
    const screening = await bob.expect(200, 'GET', '/api/v1/screening');
    assert.deepEqual(screening.answers, await cleanAnswers(bob));
  });

  it('bob\'s writes never reach alice', async () => {
    assert.deepEqual(await journalOf(alice), aliceJournal);
    const profile = await alice.expect(200, 'GET', '/api/v1/profile');
    assert.deepEqual(profile.regions, [{ region: 'upper-trapezius', side: 'both', pain: 6 }]);
    assert.equal(profile.name, 'Alice');
    assert.deepEqual(await alice.expect(200, 'GET', '/api/v1/sessions'), [aliceSession]);
    assert.deepEqual(await alice.expect(200, 'GET', `/api/v1/sessions/${aliceSession.id}`), aliceSession);
  });
});
