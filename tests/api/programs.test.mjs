// Issue 10, point 3 over HTTP: a linked practitioner assigns, changes and
// ends a home program. Anything above a home cap, or a practitioner-only
// region as home work, is refused naming the field, the cap and its source,
// with nothing stored or logged. The person's plan follows the program from
// their next request ("assigned by pat"), sees every version with what
// changed, can print the step cards and end it; an unlinked colleague sees
// and changes nothing.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, addClinic, freshDbDir, databaseIn, TODAY } from './lib/server.mjs';
import { passwordLogin, stopServerAfter } from './lib/client.mjs';
import { setUpPerson, oversized } from './lib/flows.mjs';

const PASSWORD = 'clinic-password-1';
const JSON_TYPE = 'application/json';
export const NECK_PROGRAM = {
  start: TODAY,
  weeks: 6,
  review: '2026-12-21',
  weekdays: [0, 2, 4],
  items: [{ protocol: 'neck-trap-iastm', target: { region: 'upper-trapezius', side: 'both' }, max_pressure: 4, cue: 'breathe out on each stroke' }],
  clinic_only: [{ region: 'suboccipitals', side: 'both' }],
  note: 'start gently',
};

function stepsOf(plan) {
  return plan.days.flatMap((d) => d.sessions.flatMap((s) => s.steps));
}

describe('home programs a linked practitioner assigns', () => {
  let server;
  let dana;
  let pat;
  let quinn;
  let danaId;
  let programs;

  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    const clinic = addClinic(db, 'North Physio');
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
    programs = `/api/v1/clients/${danaId}/programs`;
  });
  stopServerAfter(() => server);

  async function untouched() {
    return { programs: await dana.expect(200, 'GET', '/api/v1/programs'), log: await dana.expect(200, 'GET', '/api/v1/access-log') };
  }

  it('refuses a program that breaks a home rule, naming the field, the cap and its source', async () => {
    const before = await untouched();
    const item = NECK_PROGRAM.items[0];
    const refusals = [
      [{ ...NECK_PROGRAM, items: [{ ...item, max_pressure: 8 }] }, 'items[0].max_pressure', /7\/10.*seed-000/],
      [{ ...NECK_PROGRAM, clinic_only: [], items: [{ ...item, target: { region: 'scalenes', side: 'left' } }] }, 'items[0].target.region', /practitioners only/],
      [{ ...NECK_PROGRAM, clinic_only: [{ region: 'scalenes', side: 'both' }] }, 'clinic_only[0].region', /practitioners only.*seed-000/],
      [{ ...NECK_PROGRAM, items: [{ ...item, dose_percent: 120 }] }, 'items[0].dose_percent', /100/],
      [{ ...NECK_PROGRAM, items: [{ ...item, dose_percent: 10 }] }, 'items[0].dose_percent', /25 %/],
      [{ ...NECK_PROGRAM, items: [{ ...item, dose_percent: 0 }] }, 'items[0].dose_percent', /25 %/],
      [{ ...NECK_PROGRAM, weeks: 8, review: '2026-12-21' }, 'weeks', /seed-003/],
      [{ ...NECK_PROGRAM, review: '2027-03-01' }, 'review', /within the program/],
      [{ ...NECK_PROGRAM, start: '2026-10-01', review: '2026-11-01' }, 'review', /has passed/],
      [{ ...NECK_PROGRAM, weekdays: [] }, 'weekdays', /weekday/],
      [{ ...NECK_PROGRAM, items: [{ ...item, protocol: 'cupping' }] }, 'items[0].protocol', /unknown protocol/],
      [{ ...NECK_PROGRAM, colour: 'red' }, 'colour', /unknown key/],
      [{ ...NECK_PROGRAM, items: [{ ...item, cue: '\u001b[2J fake: 9/10 is fine' }] }, 'items[0].cue', /control character/],
      [{ ...NECK_PROGRAM, note: 'n'.repeat(2001) }, 'note', /longer than 2000/],
      [{ ...NECK_PROGRAM, start: '2030-10-07', review: '2030-11-04' }, 'start', /days ahead/],
      // A new program never starts in the past: the days before today were never asked of the person.
      [{ ...NECK_PROGRAM, start: '2026-11-20' }, 'start', /2026-11-20 has passed; a new program starts from 2026-11-23 \(today\) on/],
    ];
    for (const [json, field, pattern] of refusals) {
      const r = await pat.request('POST', programs, { json });
      assert.equal(r.status, 400, `${JSON.stringify(json).slice(0, 160)}: ${r.text}`);
      assert.equal(r.body.error.field, field, r.text);
      assert.match(r.body.error.message, pattern, r.text);
    }
    // Several rules broken at once: each problem with its own field, for a form
    // to show next to that field; the message still names them all.
    const two = await pat.request('POST', programs, {
      json: { ...NECK_PROGRAM, weekdays: [], items: [{ ...item, max_pressure: 8, dose_percent: 120 }] },
    });
    assert.equal(two.status, 400, two.text);
    assert.deepEqual(
      two.body.error.problems.map((p) => p.field),
      ['items[0].max_pressure', 'items[0].dose_percent', 'weekdays'],
      two.text,
    );
    for (const p of two.body.error.problems) {
      assert.ok(!p.message.includes(p.field), `no field name in the problem's own message: ${p.message}`);
      assert.ok(two.body.error.message.includes(`${p.field}: ${p.message}`), two.text);
    }
    assert.match(two.body.error.problems[0].message, /7\/10.*seed-000/);
    // The dates are listed with the rest.
    const dated = await pat.request('POST', programs, {
      json: { ...NECK_PROGRAM, weekdays: [], start: '2030-10-07', review: '2030-11-04' },
    });
    assert.equal(dated.status, 400, dated.text);
    assert.deepEqual(dated.body.error.problems.map((p) => p.field), ['weekdays', 'start'], dated.text);
    assert.match(dated.body.error.message, /weekdays: .*; start: 2030-10-07 is more than 28 days ahead/, dated.text);
    assert.equal((await pat.request('PUT', `${programs}/99999`, { json: NECK_PROGRAM })).status, 404, 'no such program');
    assert.equal((await pat.request('POST', `${programs}/99999/end`)).status, 404);
    assert.equal((await pat.request('POST', programs, { body: JSON.stringify(NECK_PROGRAM), contentType: 'text/plain' })).status, 415);
    assert.equal((await pat.request('POST', programs, { body: oversized(NECK_PROGRAM), contentType: JSON_TYPE })).status, 413);
    const after = await untouched();
    assert.deepEqual(after.programs, before.programs);
    assert.deepEqual(after.log, before.log, 'refusals leave the access log as it was');
  });

  it('an unlinked colleague can neither see, assign, change, end nor print', async () => {
    const before = await untouched();
    for (const [method, path, json] of [
      ['GET', programs],
      ['POST', programs, NECK_PROGRAM],
      ['PUT', `${programs}/1`, NECK_PROGRAM],
      ['POST', `${programs}/1/end`],
      ['GET', `${programs}/1/cards`],
    ]) {
      const r = await quinn.request(method, path, json ? { json } : {});
      assert.equal(r.status, 404, `${method} ${path}: ${r.text}`);
    }
    assert.deepEqual(await untouched(), before);
  });

  it('assigns a program the person then follows, sees with who assigned it, and can print', async () => {
    const assigned = await pat.expect(201, 'POST', programs, { json: NECK_PROGRAM });
    assert.equal(assigned.program.version, 1);
    assert.equal(assigned.program.practitioner, 'pat');
    assert.equal(assigned.program.clinic, 'North Physio');

    const mine = await dana.expect(200, 'GET', '/api/v1/programs');
    assert.equal(mine.programs.length, 1);
    assert.equal(mine.programs[0].in_force, true);
    assert.equal(mine.programs[0].current.practitioner, 'pat');

    const plan = await dana.expect(200, 'GET', '/api/v1/plan');
    assert.equal(plan.assigned_by, 'pat', JSON.stringify(plan).slice(0, 300));
    const steps = stepsOf(plan);
    assert.ok(steps.length > 0, 'the plan has sessions');
    for (const s of steps) {
      assert.notEqual(s.region, 'suboccipitals', 'kept for the clinic');
      if (s.pressure) assert.ok(s.pressure[1] <= 4, `${s.technique} on ${s.region}: ${s.pressure}`);
    }
    assert.ok(steps.some((s) => s.cues.some((c) => c.includes('breathe out'))), 'the cue is on the step cards');

    const cards = await dana.expect(200, 'GET', `/api/v1/programs/${assigned.program.id}/cards`);
    assert.equal(cards.program.id, assigned.program.id);
    assert.equal(cards.for, 'dana', 'the handout names whom it is for');
    assert.ok(cards.cards.days.length > 0);
    const log = await dana.expect(200, 'GET', '/api/v1/access-log');
    assert.ok(log.some((e) => e.what === 'assigned a home program' && e.who.name === 'pat'), JSON.stringify(log).slice(0, 400));

    const printed = await pat.expect(200, 'GET', `${programs}/${assigned.program.id}/cards`);
    assert.equal(printed.for, 'dana', "pat's printout names the client");
    assert.equal(printed.program.id, assigned.program.id);
    // The cards name the edges dana's starter kit offers, as her plan does (no bevelled edge).
    const edgesOf = (p) => [...new Set(stepsOf(p).map((s) => s.edge_name).filter(Boolean))].sort();
    assert.deepEqual(edgesOf(cards.cards), edgesOf(plan));
    assert.deepEqual(edgesOf(printed.cards), edgesOf(plan));
    assert.ok(!edgesOf(plan).includes('Bevelled edge'), edgesOf(plan).join(', '));
    // The paper carries the spacing rules the plan enforces, with their sources, and the week as planned.
    for (const handout of [cards, printed]) {
      assert.deepEqual(
        handout.safety.spacing.map((r) => r.rule),
        ['instrument-min-hours-between', 'instrument-sessions-per-7-days', 'checkin-after-hours'],
        JSON.stringify(handout.safety),
      );
      assert.match(handout.safety.spacing[0].text, /at least 48 h between instrument sessions/);
      assert.ok(handout.safety.spacing.every((r) => r.source), 'each rule names its source');
      assert.deepEqual(handout.safety.week.map((d) => d.weekday), ['Monday', 'Wednesday', 'Friday']);
      assert.ok(handout.safety.week.every((d) => d.sessions.length === 1), JSON.stringify(handout.safety.week));
    }
    assert.deepEqual(printed.safety.lowered, [], "a practitioner's handout never reads the journal");
    await dana.expect(404, 'GET', '/api/v1/programs/99/cards');
  });

  it('a change is a new version; the person sees what changed, and the earlier version is kept', async () => {
    const { programs: list } = await pat.expect(200, 'GET', programs);
    const id = list[0].id;
    const lower = { ...NECK_PROGRAM, items: [{ ...NECK_PROGRAM.items[0], max_pressure: 3 }], note: 'red dots after the first week' };
    assert.equal((await pat.request('PUT', `${programs}/${id}`, { body: JSON.stringify(lower), contentType: 'text/plain' })).status, 415);
    assert.equal((await pat.request('PUT', `${programs}/${id}`, { body: oversized(lower), contentType: JSON_TYPE })).status, 413);
    const changed = await pat.expect(200, 'PUT', `${programs}/${id}`, { json: lower });
    assert.equal(changed.program.version, 2);
    const mine = await dana.expect(200, 'GET', '/api/v1/programs');
    const versions = mine.programs[0].versions;
    assert.equal(versions.length, 2);
    assert.equal(versions[0].items[0].max_pressure, 4, 'version 1 kept as it was');
    assert.ok(versions[1].changes.some((c) => c.includes('4/10 -> 3/10')), JSON.stringify(versions[1].changes));
    const plan = await dana.expect(200, 'GET', '/api/v1/plan');
    for (const s of stepsOf(plan)) if (s.pressure) assert.ok(s.pressure[1] <= 3, `${s.region}: ${s.pressure}`);
  });

  it('the person ends it; the plan is their own again and the program cannot be changed', async () => {
    const id = (await dana.expect(200, 'GET', '/api/v1/programs')).programs[0].id;
    const forbidden = await pat.request('POST', `/api/v1/programs/${id}/end`);
    assert.equal(forbidden.status, 403, 'a practitioner ends a client program through the client route');
    const ended = await dana.expect(200, 'POST', `/api/v1/programs/${id}/end`);
    assert.equal(ended.program.ended, TODAY);
    assert.equal(ended.program.ended_by, 'dana');
    assert.equal((await dana.request('POST', `/api/v1/programs/${id}/end`)).status, 409);
    assert.equal((await pat.request('PUT', `${programs}/${id}`, { json: NECK_PROGRAM })).status, 409);
    assert.equal((await pat.request('POST', `${programs}/${id}/end`)).status, 409);
    await dana.expect(404, 'POST', '/api/v1/programs/99/end');
    const plan = await dana.expect(200, 'GET', '/api/v1/plan');
    assert.equal(plan.assigned_by, '');
    // A new program from the practitioner, ended by the practitioner.
    const again = await pat.expect(201, 'POST', programs, { json: NECK_PROGRAM });
    const byPat = await pat.expect(200, 'POST', `${programs}/${again.program.id}/end`);
    assert.equal(byPat.program.ended_by, 'pat');
  });
});

/**
 * A fresh server with North Physio, practitioner pat and one person `name`
 * set up and linked to pat, sharing `share`. Returns { server, person, pat, personId }.
 */
async function linkedToPat(name, share) {
  const dir = freshDbDir();
  const db = databaseIn(dir);
  const clinic = addClinic(db, 'North Physio');
  addUser(db, name, PASSWORD);
  addUser(db, 'pat', PASSWORD, { role: 'practitioner', clinic });
  const server = await startServer({ db, dir });
  const { api: person } = await passwordLogin(server, name, PASSWORD);
  const { api: pat } = await passwordLogin(server, 'pat', PASSWORD);
  const personId = (await person.expect(200, 'GET', '/api/v1/me')).person_id;
  await setUpPerson(person);
  const code = (await pat.expect(201, 'POST', '/api/v1/invitations', { json: {} })).code;
  await person.expect(201, 'POST', '/api/v1/links', { json: { code, share } });
  return { server, person, pat, personId };
}

// Every safety answer no, except numb or tingling arms (a warning sign on the neck that waits for a clearance).
async function answerArmNumbness(person, yes) {
  const questions = await person.expect(200, 'GET', '/api/v1/kb/questions');
  const answers = {};
  for (const q of questions) answers[q.id] = { yes: false, regions: [] };
  answers['arm-numbness-tingling'] = { yes, regions: [] };
  await person.expect(201, 'POST', '/api/v1/screening', { json: { answers } });
}

describe('a new warning sign holds an assigned program back and flags it to the practitioner', () => {
  let server;
  it('the practitioner sees the hold and since when, not which answer; a clearance lifts it', async () => {
    let erin, pat, erinId;
    ({ server, person: erin, pat, personId: erinId } = await linkedToPat('erin', {}));
    const programs = `/api/v1/clients/${erinId}/programs`;
    await pat.expect(201, 'POST', programs, { json: NECK_PROGRAM });
    const listed = await pat.expect(200, 'GET', programs);
    assert.equal(listed.hold.held, false);
    const also = listed.programs[0].also_works;
    assert.equal(also.length, 1, 'one list per item');
    assert.ok(also[0].some((a) => /top of the shoulder blade/i.test(a)), 'the neck protocol works the levator scapulae too: ' + JSON.stringify(also));
    assert.ok(!also[0].some((a) => /base of the skull/i.test(a)), 'not the suboccipitals kept for the clinic: ' + JSON.stringify(also));
    assert.ok(!also[0].some((a) => /upper trapezius/i.test(a)), 'not the target named: ' + JSON.stringify(also));

    // A warning sign that needs a practitioner (the questions with such a finding: see kb/questions).
    await answerArmNumbness(erin, true);
    const seen = await pat.expect(200, 'GET', programs);
    assert.equal(seen.hold.held, true, JSON.stringify(seen.hold));
    assert.equal(seen.hold.since, TODAY);
    assert.equal(seen.hold.needs_clearance, true, 'a warning sign waits for a clearance');
    assert.ok(!/numb|tingl/i.test(seen.hold.reason), 'the reason does not say which answer');
    assert.match(seen.hold.reason, /^The client's own safety answers/, 'worded for the practitioner');
    const areas = JSON.stringify(seen.hold.areas);
    assert.ok(seen.hold.areas.some((a) => /upper trapezius/i.test(a)), areas);
    assert.ok(seen.hold.areas.some((a) => /top of the shoulder blade/i.test(a)), 'the levator scapulae, worked on the way though not named: ' + areas);
    assert.ok(!seen.hold.areas.some((a) => /base of the skull/i.test(a)), 'the suboccipitals are kept for the clinic: ' + areas);
    const own = (await erin.expect(200, 'GET', '/api/v1/programs')).hold;
    assert.equal(own.held, true);
    assert.match(own.reason, /^Your own safety answers .*Contact the practitioner who assigned it/, 'worded for the person');

    // Seen in clinic: answers back to no, and the practitioner's clearance lifts the sign.
    await answerArmNumbness(erin, false);
    await pat.expect(201, 'POST', `/api/v1/clients/${erinId}/clearances`, { json: { note: 'seen today' } });
    assert.equal((await pat.expect(200, 'GET', programs)).hold.held, false);
  });
  stopServerAfter(() => server);
});

// Every safety answer no, except broken skin on the areas given.
async function answerOpenWound(person, regions) {
  const questions = await person.expect(200, 'GET', '/api/v1/kb/questions');
  const answers = {};
  for (const q of questions) answers[q.id] = { yes: false, regions: [] };
  answers['open-wound'] = { yes: regions.length > 0, regions };
  await person.expect(201, 'POST', '/api/v1/screening', { json: { answers } });
}

describe('a finding no clearance lifts holds the program too, and flags it', () => {
  let server;
  // From a new-user trial: broken skin on the upper trapezius left the
  // program's home work there out of the plan, while the program showed no
  // hold and the monitoring list no flag.
  it('broken skin on an area the program works holds it there until the answers change, said so to both', async () => {
    let gus, pat, gusId;
    ({ server, person: gus, pat, personId: gusId } = await linkedToPat('gus', { journal: true }));
    const programs = `/api/v1/clients/${gusId}/programs`;
    await pat.expect(201, 'POST', programs, { json: NECK_PROGRAM });
    const flagged = async () =>
      (await pat.expect(200, 'GET', '/api/v1/clients/attention')).clients.find((c) => c.link.client.person_id === gusId).flags;
    assert.ok(!(await flagged()).some((f) => f.kind === 'program-held'));

    await answerOpenWound(gus, [{ region: 'upper-trapezius', side: 'left' }]);
    const seen = (await pat.expect(200, 'GET', programs)).hold;
    assert.equal(seen.held, true, JSON.stringify(seen));
    assert.equal(seen.needs_clearance, false, 'no clearance lifts it');
    assert.equal(seen.since, TODAY);
    assert.deepEqual(seen.areas, ['Top of the shoulder (upper trapezius)'], 'the item works both sides, and the plan leaves it out: ' + JSON.stringify(seen.areas));
    assert.match(seen.reason, /a clearance does not lift/);
    assert.ok(!/record a clearance/i.test(seen.reason), seen.reason);
    assert.ok(!/wound|skin/i.test(seen.reason), 'which answer is not said: ' + seen.reason);
    const own = (await gus.expect(200, 'GET', '/api/v1/programs')).hold;
    assert.match(own.reason, /^Your own safety answers hold back .*once what you reported there has passed/, own.reason);
    const flag = (await flagged()).find((f) => f.kind === 'program-held');
    assert.ok(flag, 'the client is flagged though they do not share their screening');
    assert.equal(flag.date, TODAY);
    assert.match(flag.reason, /until their answers no longer say so/);

    // Healed: the answers say no, and the hold and the flag are gone.
    await answerOpenWound(gus, []);
    assert.equal((await pat.expect(200, 'GET', programs)).hold.held, false);
    assert.ok(!(await flagged()).some((f) => f.kind === 'program-held'));
  });
  stopServerAfter(() => server);
});

describe('a warning sign elsewhere does not hold a program', () => {
  let server;
  // From a new-user trial: a warning sign on the neck showed a calves program
  // "On hold" while the person's plan ran it.
  it('a warning sign on areas the program does not work is no hold, and the plan runs it', async () => {
    let fay, pat, fayId;
    ({ server, person: fay, pat, personId: fayId } = await linkedToPat('fay', {}));
    const programs = `/api/v1/clients/${fayId}/programs`;
    const calves = { ...NECK_PROGRAM, items: [{ protocol: 'compression-calves', target: { region: 'calves', side: 'both' } }], clinic_only: [] };
    await pat.expect(201, 'POST', programs, { json: calves });
    await answerArmNumbness(fay, true);
    const hold = (await pat.expect(200, 'GET', programs)).hold;
    assert.equal(hold.held, false, JSON.stringify(hold));
    assert.deepEqual(hold.areas, []);
    assert.equal((await fay.expect(200, 'GET', '/api/v1/programs')).hold.held, false);
    const today = await fay.expect(200, 'GET', '/api/v1/today');
    assert.equal(today.blocked, false, 'the plan runs the program');
  });
  stopServerAfter(() => server);
});

describe('progress follows the program in force', () => {
  let server;
  it("the person's progress and the practitioner's client page both review on the program's date", async () => {
    let fred, pat, fredId;
    ({ server, person: fred, pat, personId: fredId } = await linkedToPat('fred', { journal: true, sessions: true, screening: true }));
    const own = (await fred.expect(200, 'GET', '/api/v1/progress')).review.date;
    const review = '2026-12-14'; // three weeks in, not the person's own week 4
    assert.notEqual(own, review);
    await pat.expect(201, 'POST', `/api/v1/clients/${fredId}/programs`, { json: { ...NECK_PROGRAM, review } });
    assert.equal((await fred.expect(200, 'GET', '/api/v1/progress')).review.date, review);
    assert.equal((await pat.expect(200, 'GET', `/api/v1/clients/${fredId}/progress`)).progress.review.date, review);
  });
  stopServerAfter(() => server);
});
