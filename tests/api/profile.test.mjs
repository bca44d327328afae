// Profile, screening and referral: the order a new person goes through
// (nothing, profile, screening, plan), every malformed write refused with the
// field named and nothing changed, and plan/today/progress equal to the CLI's.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, TODAY } from './lib/server.mjs';
import { tokenLogin, stopServerAfter } from './lib/client.mjs';
import { PROFILE, cleanAnswers, expectRefused, oversized } from './lib/flows.mjs';

const JSON_TYPE = 'application/json';

// [what, request, status, code, field]; request is {json} or {body, contentType}.
function profileCases() {
  const withRegion = (r) => ({ ...PROFILE, regions: [{ ...PROFILE.regions[0], ...r }] });
  const without = (k) => Object.fromEntries(Object.entries(PROFILE).filter(([key]) => key !== k));
  return [
    ['invalid JSON', { body: '{"regions": [', contentType: JSON_TYPE }, 400, 'bad_json', null],
    ['a JSON array', { body: JSON.stringify([PROFILE]), contentType: JSON_TYPE }, 400, ['bad_json', 'invalid'], undefined],
    ['text/plain', { body: JSON.stringify(PROFILE), contentType: 'text/plain' }, 415, 'unsupported_media', null],
    ['no Content-Type', { body: JSON.stringify(PROFILE) }, 415, 'unsupported_media', null],
    ['a body over 64 KiB', { body: oversized(PROFILE), contentType: JSON_TYPE }, 413, 'too_large', null],
    ['no regions', { json: without('regions') }, 400, 'invalid', 'regions'],
    ['an empty regions list', { json: { ...PROFILE, regions: [] } }, 400, 'invalid', 'regions'],
    ['regions as a string', { json: { ...PROFILE, regions: 'upper-trapezius' } }, 400, 'invalid', 'regions'],
    ['a region without pain', { json: { ...PROFILE, regions: [{ region: 'upper-trapezius', side: 'both' }] } }, 400, 'invalid', 'regions[0].pain'],
    ['pain as a string', { json: withRegion({ pain: '6' }) }, 400, 'invalid', 'regions[0].pain'],
    ['pain 11', { json: withRegion({ pain: 11 }) }, 400, 'invalid', 'regions[0].pain'],
    ['pain -1', { json: withRegion({ pain: -1 }) }, 400, 'invalid', 'regions[0].pain'],
    ['pain 5.5', { json: withRegion({ pain: 5.5 }) }, 400, 'invalid', 'regions[0].pain'],
    ['an unknown second region', { json: { ...PROFILE, regions: [PROFILE.regions[0], { region: 'elbow-of-destiny', pain: 3 }] } }, 400, 'unknown_name', 'regions[1].region'],
    ['a region as a number', { json: withRegion({ region: 7 }) }, 400, 'invalid', 'regions[0].region'],
    ['an unknown side', { json: withRegion({ side: 'top' }) }, 400, 'invalid', 'regions[0].side'],
    ['midline for a paired region', { json: withRegion({ side: 'midline' }) }, 400, 'invalid', 'regions[0].side'],
    ['an unknown tool', { json: { ...PROFILE, tools: ['starter-kit', 'laser-sword'] } }, 400, 'unknown_name', 'tools[1]'],
    ['tools as a string', { json: { ...PROFILE, tools: 'starter-kit' } }, 400, 'invalid', 'tools'],
    ['no weekdays', { json: without('weekdays') }, 400, 'invalid', 'weekdays'],
    ['weekday 7', { json: { ...PROFILE, weekdays: [0, 7] } }, 400, 'invalid', 'weekdays[1]'],
    ['a weekday as a word', { json: { ...PROFILE, weekdays: ['mon'] } }, 400, 'invalid', 'weekdays[0]'],
    ['minutes as a string', { json: { ...PROFILE, minutes_per_session: '30' } }, 400, 'invalid', 'minutes_per_session'],
    ['0 minutes per session', { json: { ...PROFILE, minutes_per_session: 0 } }, 400, 'invalid', 'minutes_per_session'],
    ['0 weeks', { json: { ...PROFILE, weeks: 0 } }, 400, 'invalid', 'weeks'],
    ['weeks as a string', { json: { ...PROFILE, weeks: 'six' } }, 400, 'invalid', 'weeks'],
    ['an impossible start date', { json: { ...PROFILE, start: '2026-02-30' } }, 400, 'invalid', 'start'],
    ['a start date in another format', { json: { ...PROFILE, start: '23/11/2026' } }, 400, 'invalid', 'start'],
    ['a start date as a number', { json: { ...PROFILE, start: 20261123 } }, 400, 'invalid', 'start'],
    ['a name as a number', { json: { ...PROFILE, name: 5 } }, 400, 'invalid', 'name'],
    ['an unknown field', { json: { ...PROFILE, minutes: 30 } }, 400, 'invalid', 'minutes'],
  ];
}

describe('profile, screening and referral', () => {
  let server;
  let api;
  before(async () => {
    server = await startServer();
    ({ api } = await tokenLogin(server));
  });
  stopServerAfter(() => server);

  it('a new person has no profile (404), no screening (404), and plan, today and progress are 409 precondition', async () => {
    assert.equal((await api.request('GET', '/api/v1/profile')).status, 404);
    assert.equal((await api.request('GET', '/api/v1/screening')).status, 404);
    for (const p of ['/api/v1/plan', '/api/v1/today', '/api/v1/progress']) {
      const r = await api.request('GET', p);
      assert.equal(r.status, 409, `${p}: ${r.text}`);
      assert.equal(r.body.error.code, 'precondition');
    }
  });

  describe('PUT /api/v1/profile refuses malformed bodies before any profile exists', () => {
    for (const [what, req, status, code, field] of profileCases())
      it(`${what} → ${status}`, async () => {
        await expectRefused(api, { method: 'PUT', path: '/api/v1/profile', ...req, status, code, field, also: ['/api/v1/profile', '/api/v1/me'] });
      });
  });

  it('PUT /api/v1/profile saves the profile with defaults filled in (name "", start today, weeks 6)', async () => {
    const saved = await api.expect(200, 'PUT', '/api/v1/profile', { json: PROFILE });
    assert.deepEqual(saved, { ...PROFILE, name: '', start: TODAY, weeks: 6 });
    assert.deepEqual(await api.expect(200, 'GET', '/api/v1/profile'), saved);
    assert.equal((await api.expect(200, 'GET', '/api/v1/me')).has_profile, true);
  });

  it('a region\'s side defaults to both for a paired region and midline for a midline one; a charset in the Content-Type is fine', async () => {
    const regions = await api.expect(200, 'GET', '/api/v1/kb/regions');
    const midline = regions.find((r) => r.laterality === 'midline');
    assert.ok(midline, 'no midline region in kb/regions');
    const body = { ...PROFILE, name: 'Sam', regions: [{ region: 'upper-trapezius', pain: 4 }, { region: midline.id, pain: 2 }], weekdays: [0, 2, 4], minutes_per_session: 20, start: '2026-11-30', weeks: 4 };
    const r = await api.request('PUT', '/api/v1/profile', { body: JSON.stringify(body), contentType: 'application/json; charset=utf-8' });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.regions, [{ region: 'upper-trapezius', side: 'both', pain: 4 }, { region: midline.id, side: 'midline', pain: 2 }]);
    assert.equal(r.body.name, 'Sam');
    assert.equal(r.body.start, '2026-11-30');
    assert.equal(r.body.weeks, 4);
    // Back to the profile the other tests use.
    await api.expect(200, 'PUT', '/api/v1/profile', { json: PROFILE });
  });

  describe('PUT /api/v1/profile refuses malformed bodies and keeps the saved profile', () => {
    for (const [what, req, status, code, field] of profileCases())
      it(`${what} → ${status}`, async () => {
        await expectRefused(api, { method: 'PUT', path: '/api/v1/profile', ...req, status, code, field, also: ['/api/v1/profile'] });
      });
  });

  it('with a profile but no screening, plan, today and progress are still 409 precondition', async () => {
    for (const p of ['/api/v1/plan', '/api/v1/today', '/api/v1/progress']) {
      const r = await api.request('GET', p);
      assert.equal(r.status, 409, `${p}: ${r.text}`);
      assert.equal(r.body.error.code, 'precondition');
    }
  });

  describe('POST /api/v1/screening refuses malformed answers', () => {
    let answers;
    let ids;
    let regionQuestion;
    before(async () => {
      answers = await cleanAnswers(api);
      ids = Object.keys(answers);
      const questions = await api.expect(200, 'GET', '/api/v1/kb/questions');
      regionQuestion = questions.find((q) => q.kind === 'regions')?.id;
      assert.ok(regionQuestion, 'no question of kind regions');
    });
    const cases = () => {
      const last = ids[ids.length - 1];
      const first = ids[0];
      const missingOne = { ...answers };
      delete missingOne[last];
      return [
        ['invalid JSON', { body: '{"answers": {', contentType: JSON_TYPE }, 400, 'bad_json', null],
        ['text/plain', { body: JSON.stringify({ answers }), contentType: 'text/plain' }, 415, 'unsupported_media', null],
        ['a body over 64 KiB', { body: oversized({ answers }), contentType: JSON_TYPE }, 413, 'too_large', null],
        ['no answers', { json: {} }, 400, 'invalid', 'answers'],
        ['answers as an array', { json: { answers: Object.values(answers) } }, 400, 'invalid', 'answers'],
        ['one question unanswered', { json: { answers: missingOne } }, 400, 'invalid', `answers.${last}`],
        ['an unknown question', { json: { answers: { ...answers, 'likes-cats': { yes: true, regions: [] } } } }, 400, 'unknown_name', 'answers.likes-cats'],
        ['yes as a string', { json: { answers: { ...answers, [first]: { yes: 'no', regions: [] } } } }, 400, 'invalid', `answers.${first}.yes`],
        ['an answer without yes', { json: { answers: { ...answers, [first]: { regions: [] } } } }, 400, 'invalid', `answers.${first}.yes`],
        ['an answer as a bare boolean', { json: { answers: { ...answers, [first]: false } } }, 400, 'invalid', `answers.${first}`],
        ['an unknown region in an answer', { json: { answers: { ...answers, [regionQuestion]: { yes: true, regions: [{ region: 'nowhere' }] } } } }, 400, 'unknown_name', `answers.${regionQuestion}.regions[0].region`],
        ['a region answer as a bare name', { json: { answers: { ...answers, [regionQuestion]: { yes: true, regions: ['calves'] } } } }, 400, 'invalid', `answers.${regionQuestion}.regions[0]`],
        ['a side that is not a side', { json: { answers: { ...answers, [regionQuestion]: { yes: true, regions: [{ region: 'calves', side: 'up' }] } } } }, 400, 'invalid', `answers.${regionQuestion}.regions[0].side`],
        ['a side on a midline region', { json: { answers: { ...answers, [regionQuestion]: { yes: true, regions: [{ region: 'abdomen', side: 'left' }] } } } }, 400, 'invalid', `answers.${regionQuestion}.regions[0].side`],
        ['regions as a string', { json: { answers: { ...answers, [regionQuestion]: { yes: true, regions: 'calves' } } } }, 400, 'invalid', `answers.${regionQuestion}.regions`],
      ];
    };
    it('each case → 4xx naming the field, nothing saved', async () => {
      for (const [what, req, status, code, field] of cases()) {
        await expectRefused(api, { path: '/api/v1/screening', ...req, status, code, field, also: ['/api/v1/screening', '/api/v1/me', '/api/v1/today'] }).catch((e) => {
          e.message = `${what}: ${e.message}`;
          throw e;
        });
      }
    });
  });

  it('POST /api/v1/screening with every question answered no → 201 cleared; GET /api/v1/screening gives it back', async () => {
    const answers = await cleanAnswers(api);
    const clearance = await api.expect(201, 'POST', '/api/v1/screening', { json: { answers } });
    assert.equal(clearance.level, 'cleared');
    assert.equal(clearance.plan_allowed, true);
    assert.deepEqual(clearance.findings, []);
    const latest = await api.expect(200, 'GET', '/api/v1/screening');
    assert.equal(latest.date, TODAY);
    assert.deepEqual(latest.answers, answers);
    assert.deepEqual(latest.clearance, clearance);
    assert.equal((await api.expect(200, 'GET', '/api/v1/me')).has_screening, true);
  });

  it('GET plan, today and progress answer the same objects as `fascia plan|today|progress --json`', async () => {
    for (const name of ['plan', 'today', 'progress']) {
      const body = await api.expect(200, 'GET', `/api/v1/${name}`);
      const r = cli(server.db, ['--json', name]);
      assert.equal(r.status, 0, `fascia ${name}: ${r.stderr}`);
      const expected = JSON.parse(r.stdout);
      if (name === 'progress') {
        const { meaningful_change: band, ...rest } = body;
        assert.deepEqual(rest, expected, 'progress differs from the CLI');
        const caps = await api.expect(200, 'GET', '/api/v1/kb/caps');
        assert.deepEqual(band, { points: caps['meaningful-change-points'].value, percent: caps['meaningful-change-percent'].value });
      } else {
        assert.deepEqual(body, expected, `${name} differs from the CLI`);
      }
    }
  });

  it('today (2026-11-23) has a session due for the profile\'s region, and the plan starts today', async () => {
    const today = await api.expect(200, 'GET', '/api/v1/today');
    assert.equal(today.date, TODAY);
    assert.equal(today.blocked, false);
    assert.ok(today.due.length > 0, 'nothing due on the first day of an every-day plan');
    assert.ok(today.due.some((s) => s.steps.some((st) => st.region === 'upper-trapezius')));
    const plan = await api.expect(200, 'GET', '/api/v1/plan');
    assert.equal(plan.start, TODAY);
    assert.equal(plan.days[0].date, TODAY);
    assert.ok(plan.end > plan.start && plan.review > plan.start);
  });

  it('plan, today and progress follow each write at once', async () => {
    await api.expect(201, 'POST', '/api/v1/journal/pain', { json: { region: 'upper-trapezius', score: 3 } });
    const progress = await api.expect(200, 'GET', '/api/v1/progress');
    const trend = progress.trends.find((t) => t.region === 'upper-trapezius');
    assert.equal(trend.baseline, 6);
    assert.equal(trend.latest, 3);
    assert.equal(trend.change, 3);
    assert.deepEqual(trend.points, [{ date: TODAY, score: 3 }]);
    const { meaningful_change: _, ...rest } = progress;
    assert.deepEqual(rest, JSON.parse(cli(server.db, ['--json', 'progress']).stdout));

    // Wednesdays only: nothing is due on Monday 2026-11-23, the next session is on the 25th.
    await api.expect(200, 'PUT', '/api/v1/profile', { json: { ...PROFILE, weekdays: [2] } });
    const today = await api.expect(200, 'GET', '/api/v1/today');
    assert.deepEqual(today.due, []);
    assert.equal(today.next, '2026-11-25');
    const plan = await api.expect(200, 'GET', '/api/v1/plan');
    assert.equal(plan.days[0].date, '2026-11-25');
    assert.deepEqual(today, JSON.parse(cli(server.db, ['--json', 'today']).stdout));

    const saved = await api.expect(200, 'PUT', '/api/v1/profile', { json: { ...PROFILE, tools: ['foam-roller', 'starter-kit'] } });
    assert.deepEqual(saved.tools, ['foam-roller', 'starter-kit'], 'tools and kits are kept as sent');
    assert.equal((await api.expect(200, 'GET', '/api/v1/today')).due.length > 0, true);
  });

  it('a region answer is kept as sent and keeps that region out of today\'s sessions', async () => {
    const questions = await api.expect(200, 'GET', '/api/v1/kb/questions');
    const q = questions.find((x) => x.kind === 'regions');
    const answers = await cleanAnswers(api);
    answers[q.id] = { yes: true, regions: [{ region: 'upper-trapezius' }] };
    const clearance = await api.expect(201, 'POST', '/api/v1/screening', { json: { answers } });
    assert.ok(clearance.findings.some((f) => f.because.includes(q.id) && f.regions.some((r) => r.region === 'upper-trapezius' && r.side === 'both')), JSON.stringify(clearance));
    const latest = await api.expect(200, 'GET', '/api/v1/screening');
    assert.deepEqual(latest.answers[q.id], { yes: true, regions: [{ region: 'upper-trapezius', side: 'both' }] });
    assert.deepEqual(latest.clearance, clearance);
    const today = await api.expect(200, 'GET', '/api/v1/today');
    assert.ok(!today.due.some((s) => s.steps.some((st) => st.region === 'upper-trapezius')), `${q.id} on upper-trapezius, yet it is worked today`);
    await api.expect(201, 'POST', '/api/v1/screening', { json: { answers: await cleanAnswers(api) } });
  });

  describe('GET /api/v1/referral', () => {
    it('suggests regions for known locations, each explaining only named locations', async () => {
      const locations = (await api.expect(200, 'GET', '/api/v1/kb/locations')).map((l) => l.id);
      const asked = ['angle-of-neck', 'temple'].filter((l) => locations.includes(l));
      assert.equal(asked.length, 2, 'kb/locations lacks angle-of-neck or temple');
      const r = await api.expect(200, 'GET', `/api/v1/referral?locations=${asked.join(',')}`);
      assert.ok(r.note.length > 0);
      assert.ok(r.suggestions.length > 0);
      for (const s of r.suggestions) for (const l of s.locations) assert.ok(asked.includes(l), `${s.region} explains ${l}, which was not asked`);
      // Each referral pattern carries what to watch for; every warning cites a known source.
      const sources = new Set((await api.expect(200, 'GET', '/api/v1/kb/sources')).map((s) => s.id));
      const rules = r.warnings.map((w) => w.rule);
      assert.ok(rules.includes('headache-emergency'), 'temple pain: a sudden worst-ever headache is an emergency');
      assert.ok(rules.includes('giant-cell-arteritis'), 'temple pain over 50: giant cell arteritis, a doctor the same day');
      assert.ok(rules.includes('neck-after-trauma'), 'neck pain: after trauma, a doctor first');
      assert.equal(new Set(rules).size, rules.length, 'each warning once');
      for (const w of r.warnings) {
        assert.ok(w.text.length > 0);
        assert.ok(sources.has(w.source), `${w.rule} cites unknown source ${w.source}`);
      }
    });
    it('side-of-neck pain warns of a torn neck artery (rushton-2023); ear and cheek pain of an infection', async () => {
      const neck = await api.expect(200, 'GET', '/api/v1/referral?locations=side-of-neck');
      const dissection = neck.warnings.find((w) => w.rule === 'neck-artery-dissection');
      assert.ok(dissection, JSON.stringify(neck.warnings.map((w) => w.rule)));
      assert.equal(dissection.source, 'rushton-2023');
      assert.equal(neck.warnings[0].rule, 'neck-artery-dissection', 'the most urgent first');
      for (const place of ['ear', 'cheek']) {
        const r = await api.expect(200, 'GET', `/api/v1/referral?locations=${place}`);
        assert.ok(r.warnings.some((w) => w.rule === 'ear-tooth-sinus-infection'), `${place}: ${JSON.stringify(r.warnings.map((w) => w.rule))}`);
      }
    });
    it('arm pain to the thumb asks about numbness, tingling or weakness (seed 000), once for both places', async () => {
      const r = await api.expect(200, 'GET', '/api/v1/referral?locations=outer-arm,thumb-index-finger');
      const nerve = r.warnings.filter((w) => /numbness, tingling or weakness/.test(w.text));
      assert.equal(nerve.length, 1, JSON.stringify(r.warnings));
      assert.equal(nerve[0].source, 'seed-000');
      assert.match(nerve[0].text, /practitioner/);
      assert.ok(r.suggestions.some((s) => s.region === 'scalenes' && s.practitioner_only));
    });
    it('a repeated locations parameter counts every value (no warning silently dropped)', async () => {
      const repeated = await api.expect(200, 'GET', '/api/v1/referral?locations=outer-arm&locations=temple');
      const joined = await api.expect(200, 'GET', '/api/v1/referral?locations=outer-arm,temple');
      assert.deepEqual(repeated, joined);
      assert.ok(repeated.warnings.some((w) => w.rule === 'headache-emergency'), JSON.stringify(repeated.warnings));
    });
    it('chest pain comes with the warning that it may be the heart, before any suggestion', async () => {
      const r = await api.expect(200, 'GET', '/api/v1/referral?locations=temple,chest');
      assert.ok(r.warnings.length >= 1);
      assert.equal(r.warnings[0].rule, 'location-chest', 'the location warning comes first');
      assert.match(r.warnings[0].text, /heart/);
      assert.match(r.warnings[0].text, /emergency/);
      assert.equal(r.warnings[0].source, 'gulati-2021');
      assert.ok(r.suggestions.length > 0, 'the muscle sources are still listed, after the warning');
    });
    for (const [what, query, code] of [
      ['an unknown location', '?locations=angle-of-neck,moon', 'unknown_name'],
      ['no locations parameter', '', 'invalid'],
      ['an empty locations parameter', '?locations=', 'invalid'],
    ])
      it(`${what} → 400 naming locations`, async () => {
        await expectRefused(api, { method: 'GET', path: `/api/v1/referral${query}`, status: 400, code, field: 'locations' });
      });
  });
});
