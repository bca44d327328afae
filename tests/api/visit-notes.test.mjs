// Issue 10, point 7 over HTTP: visit notes. A linked practitioner writes a
// SOAP note of a visit; the practitioners of that clinic who hold a live
// link read and amend it (each reach logged), never another clinic's; the
// person reads every clinic's notes about them with every revision; an
// amendment keeps the earlier text. Refusals (bad input, an unlinked
// colleague, another clinic, a revoked link, the administrator, a person)
// store and log nothing.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, addClinic, freshDbDir, databaseIn, TODAY } from './lib/server.mjs';
import { passwordLogin, stopServerAfter } from './lib/client.mjs';
import { oversized } from './lib/flows.mjs';

const PASSWORD = 'visit-notes-password-1';
const JSON_TYPE = 'application/json';
const SOAP = {
  date: '2026-11-20',
  subjective: 'neck stiff since Monday, worse at the desk',
  objective: 'left upper trapezius tender, rotation 60° left',
  assessment: 'muscular; no warning signs',
  plan: 'review in a week',
};

describe('visit notes', () => {
  let server;
  const as = {};  // name -> Api
  let danaId;
  let notes;  // /api/v1/clients/{dana}/notes
  let northNote;
  let southNote;

  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    const north = addClinic(db, 'Harbour Physio');
    const south = addClinic(db, 'Hill Clinic');
    addUser(db, 'dana', PASSWORD);
    addUser(db, 'omar', PASSWORD);
    addUser(db, 'pat', PASSWORD, { role: 'practitioner', clinic: north });    // linked
    addUser(db, 'quinn', PASSWORD, { role: 'practitioner', clinic: north });  // same clinic, not linked
    addUser(db, 'rex', PASSWORD, { role: 'practitioner', clinic: north });    // linked, then revoked
    addUser(db, 'sam', PASSWORD, { role: 'practitioner', clinic: south });    // linked, another clinic
    addUser(db, 'ada', PASSWORD, { role: 'admin', clinic: north });
    server = await startServer({ db, dir });
    for (const name of ['dana', 'omar', 'pat', 'quinn', 'rex', 'sam', 'ada']) as[name] = (await passwordLogin(server, name, PASSWORD)).api;
    danaId = (await as.dana.expect(200, 'GET', '/api/v1/me')).person_id;
    for (const who of ['pat', 'rex', 'sam']) {
      const code = (await as[who].expect(201, 'POST', '/api/v1/invitations', { json: {} })).code;
      const link = await as.dana.expect(201, 'POST', '/api/v1/links', { json: { code, share: {} } });
      if (who === 'rex') await as.dana.expect(200, 'POST', `/api/v1/links/${link.id}/revoke`);
    }
    notes = `/api/v1/clients/${danaId}/notes`;
  });
  stopServerAfter(() => server);

  const accessLog = () => as.dana.expect(200, 'GET', '/api/v1/access-log');
  const ownNotes = async () => (await as.dana.expect(200, 'GET', '/api/v1/notes')).notes;

  it('a linked practitioner writes a note in their clinic, logged as a write', async () => {
    const before = (await accessLog()).length;
    northNote = await as.pat.expect(201, 'POST', notes, { json: SOAP });
    assert.equal(northNote.client_id, danaId);
    assert.equal(northNote.clinic.name, 'Harbour Physio');
    assert.equal(northNote.visit_date, '2026-11-20');
    assert.equal(northNote.written.by.name, 'pat');
    assert.equal(northNote.revision, 1);
    assert.equal(northNote.amended, false);
    for (const part of ['subjective', 'objective', 'assessment', 'plan']) assert.equal(northNote[part], SOAP[part]);
    assert.equal(northNote.revisions.length, 1);
    assert.equal(northNote.revisions[0].reason, null);
    const log = await accessLog();
    assert.equal(log.length, before + 1);
    assert.deepEqual([log[0].who.name, log[0].kind, log[0].area, log[0].what], ['pat', 'write', 'care', 'wrote a visit note']);

    // Today's date by default; one part is enough.
    southNote = await as.sam.expect(201, 'POST', notes, { json: { plan: 'exercises twice a day' } });
    assert.equal(southNote.visit_date, TODAY);
    assert.equal(southNote.clinic.name, 'Hill Clinic');
    assert.equal(southNote.subjective, '');
  });

  it('refuses bad input naming the field, storing and logging nothing', async () => {
    const before = { notes: await ownNotes(), log: await accessLog() };
    const refusals = [
      [{}, 'subjective'],
      [{ subjective: ' \n', plan: '\t' }, 'subjective'],
      [{ ...SOAP, date: '2026-11-24' }, 'date'],
      [{ ...SOAP, date: '2025-11-22' }, 'date'],
      [{ ...SOAP, date: '20.11.2026' }, 'date'],
      [{ ...SOAP, objective: 'o'.repeat(4001) }, 'objective'],
      [{ ...SOAP, plan: 42 }, 'plan'],
      [{ ...SOAP, mood: 'fine' }, 'mood'],
    ];
    for (const [json, field] of refusals) {
      const r = await as.pat.request('POST', notes, { json });
      assert.equal(r.status, 400, `${JSON.stringify(json).slice(0, 100)}: ${r.text}`);
      assert.equal(r.body.error.field, field, r.text);
    }
    assert.equal((await as.pat.request('POST', notes, { body: JSON.stringify(SOAP), contentType: 'text/plain' })).status, 415);
    assert.equal((await as.pat.request('POST', notes, { body: oversized(SOAP), contentType: JSON_TYPE })).status, 413);
    const amend = `${notes}/${northNote.id}/amendments`;
    for (const [json, field] of [
      [{ plan: 'x' }, 'reason'],
      [{ reason: ' ', plan: 'x' }, 'reason'],
      [{ reason: 'r'.repeat(501), plan: 'x' }, 'reason'],
      [{ reason: 'why', plan: SOAP.plan }, 'plan'],
      [{ reason: 'why', assessment: SOAP.assessment, plan: SOAP.plan }, 'assessment'],
      [{ reason: 'why' }, undefined],
      [{ reason: 'why', subjective: '', objective: '', assessment: '', plan: '' }, 'subjective'],
    ]) {
      const r = await as.pat.request('POST', amend, { json });
      assert.equal(r.status, 400, `${JSON.stringify(json).slice(0, 100)}: ${r.text}`);
      assert.equal(r.body.error.field, field, r.text);
    }
    assert.equal((await as.pat.request('POST', amend, { body: '{"reason":"x"}', contentType: 'text/plain' })).status, 415);
    assert.equal((await as.pat.request('POST', amend, { body: oversized({ reason: 'x' }), contentType: JSON_TYPE })).status, 413);
    assert.deepEqual({ notes: await ownNotes(), log: await accessLog() }, before);
  });

  it("a practitioner reads their clinic's notes only, each read logged", async () => {
    const before = (await accessLog()).length;
    const seenByPat = (await as.pat.expect(200, 'GET', notes)).notes;
    assert.deepEqual(seenByPat.map((n) => n.id), [northNote.id]);
    const seenBySam = (await as.sam.expect(200, 'GET', notes)).notes;
    assert.deepEqual(seenBySam.map((n) => n.id), [southNote.id]);
    const log = await accessLog();
    assert.equal(log.length, before + 2);
    assert.deepEqual([log[0].who.name, log[0].kind, log[0].what], ['sam', 'read', 'read the visit notes']);
  });

  it('an unlinked colleague, another clinic, a revoked link get 404; the administrator and a person 403; nothing logged', async () => {
    const before = { notes: await ownNotes(), log: await accessLog() };
    const amendNorth = `${notes}/${northNote.id}/amendments`;
    const change = { reason: 'why', plan: 'changed' };
    const cases = [
      ['quinn', 'GET', notes, undefined, 404],
      ['quinn', 'POST', notes, SOAP, 404],
      ['quinn', 'POST', amendNorth, change, 404],
      ['rex', 'GET', notes, undefined, 404],
      ['rex', 'POST', notes, SOAP, 404],
      ['rex', 'POST', amendNorth, change, 404],
      ['sam', 'POST', amendNorth, change, 404],  // linked, but the note is another clinic's
      ['pat', 'POST', `${notes}/${southNote.id}/amendments`, change, 404],
      ['pat', 'POST', `${notes}/99999/amendments`, change, 404],
      ['pat', 'POST', `${notes}/99999999999999999999/amendments`, change, 404],
      ['ada', 'GET', notes, undefined, 403],
      ['ada', 'POST', notes, SOAP, 403],
      ['ada', 'POST', amendNorth, change, 403],
      ['dana', 'GET', notes, undefined, 403],
      ['omar', 'POST', notes, SOAP, 403],
    ];
    for (const [who, method, path, json, status] of cases) {
      const r = await as[who].request(method, path, json === undefined ? {} : { json });
      assert.equal(r.status, status, `${who} ${method} ${path}: ${r.text}`);
      assert.ok(!r.text.includes('neck stiff'), `${who} ${method} ${path}: the answer carries the note`);
    }
    assert.deepEqual({ notes: await ownNotes(), log: await accessLog() }, before);
  });

  it('an amendment is a new revision: the earlier text is kept and shown, and the write is logged', async () => {
    const amended = await as.pat.expect(201, 'POST', `${notes}/${northNote.id}/amendments`, {
      json: { reason: 'the plan changed on the phone', plan: 'review in two weeks' },
    });
    assert.equal(amended.id, northNote.id);
    assert.equal(amended.revision, 2);
    assert.equal(amended.amended, true);
    assert.equal(amended.plan, 'review in two weeks');
    assert.equal(amended.subjective, SOAP.subjective, 'parts not given are kept');
    assert.deepEqual(amended.revisions[0], northNote.revisions[0], 'revision 1 as written');
    assert.equal(amended.revisions[1].reason, 'the plan changed on the phone');
    assert.equal(amended.revisions[1].by.name, 'pat');
    assert.deepEqual(amended.written, northNote.written);
    assert.equal((await accessLog())[0].what, `amended visit note ${northNote.id}`);

    const again = await as.pat.expect(201, 'POST', `${notes}/${northNote.id}/amendments`, {
      json: { reason: 'wrong side', objective: 'right upper trapezius tender' },
    });
    assert.deepEqual(again.revisions.map((r) => r.number), [1, 2, 3]);
    assert.deepEqual(again.revisions.map((r) => r.plan), [SOAP.plan, 'review in two weeks', 'review in two weeks']);
    assert.equal(again.revisions[1].objective, SOAP.objective);
  });

  it("the person sees every clinic's notes with their history, without a log entry; nobody else's", async () => {
    const before = (await accessLog()).length;
    const mine = await ownNotes();
    assert.deepEqual(mine.map((n) => n.clinic.name), ['Hill Clinic', 'Harbour Physio'], 'newest visit first');
    assert.equal(mine[1].revisions.length, 3);
    assert.equal(mine[1].revisions[0].plan, SOAP.plan);
    assert.equal((await accessLog()).length, before);
    assert.deepEqual((await as.omar.expect(200, 'GET', '/api/v1/notes')).notes, []);
    assert.deepEqual((await as.pat.expect(200, 'GET', '/api/v1/notes')).notes, [], "a practitioner's own notes: none about them");
  });
});
