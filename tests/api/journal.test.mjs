// The journal: each kind of entry is saved as sent (with today and the
// region's natural side as defaults) and read back; every malformed write is
// refused with the field named and the journal unchanged.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, TODAY } from './lib/server.mjs';
import { tokenLogin, stopServerAfter } from './lib/client.mjs';
import { expectRefused, oversized, journalOf } from './lib/flows.mjs';

const JSON_TYPE = 'application/json';
const canonical = (x) => JSON.stringify(Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))));
const sortJson = (a) => [...a].map(canonical).sort();

describe('journal', () => {
  let server;
  let api;
  let kb;
  before(async () => {
    server = await startServer();
    ({ api } = await tokenLogin(server));
    const regions = await api.expect(200, 'GET', '/api/v1/kb/regions');
    kb = {
      midline: regions.find((r) => r.laterality === 'midline').id,
      habits: (await api.expect(200, 'GET', '/api/v1/kb/habits')).map((h) => h.id),
      treatments: (await api.expect(200, 'GET', '/api/v1/kb/treatments')).map((t) => t.id),
      resolvedAt: (await api.expect(200, 'GET', '/api/v1/kb/caps'))['soreness-resolved-at'].value,
    };
  });
  stopServerAfter(() => server);

  it('a new person\'s journal is empty', async () => {
    assert.deepEqual(await journalOf(api), { pain: [], reactions: [], habits: [], treatments: [], notes: [], sessions: [], clearances: [], clinic_treatments: [] });
  });

  describe('writes are saved as sent and read back', () => {
    const expected = { pain: [], reactions: [], habits: [], treatments: [], notes: [], sessions: [], clearances: [], clinic_treatments: [] };

    it('pain: date defaults to today, side to both (paired) or midline (midline region)', async () => {
      const a = await api.expect(201, 'POST', '/api/v1/journal/pain', { json: { region: 'upper-trapezius', score: 4 } });
      assert.ok(a.saved.length > 0);
      expected.pain.push({ date: TODAY, region: 'upper-trapezius', side: 'both', score: 4 });
      await api.expect(201, 'POST', '/api/v1/journal/pain', { json: { date: '2026-11-01', region: 'upper-trapezius', side: 'left', score: 0 } });
      expected.pain.push({ date: '2026-11-01', region: 'upper-trapezius', side: 'left', score: 0 });
      await api.expect(201, 'POST', '/api/v1/journal/pain', { json: { region: kb.midline, score: 10 } });
      expected.pain.push({ date: TODAY, region: kb.midline, side: 'midline', score: 10 });
      // A charset parameter in the Content-Type is still JSON.
      const r = await api.request('POST', '/api/v1/journal/pain', { body: JSON.stringify({ region: 'calves', side: 'right', score: 7, date: '2025-12-31' }), contentType: 'application/json; charset=utf-8' });
      assert.equal(r.status, 201, r.text);
      expected.pain.push({ date: '2025-12-31', region: 'calves', side: 'right', score: 7 });
      assert.deepEqual(sortJson((await journalOf(api)).pain), sortJson(expected.pain));
    });

    it('reaction: all clear is settled; redness, red dots, bruising or soreness above the resolved level is not', async () => {
      const post = async (body, settled, entry) => {
        const a = await api.expect(201, 'POST', '/api/v1/journal/reaction', { json: body });
        assert.equal(a.settled, settled, JSON.stringify(body));
        expected.reactions.push(entry);
      };
      const clear = { date: TODAY, region: 'upper-trapezius', side: 'both', redness: false, red_dots: false, bruising: false };
      await post({ region: 'upper-trapezius' }, true, { ...clear, soreness: 0 });
      await post({ region: 'upper-trapezius', soreness: kb.resolvedAt }, true, { ...clear, soreness: kb.resolvedAt });
      await post({ region: 'upper-trapezius', soreness: kb.resolvedAt + 1 }, false, { ...clear, soreness: kb.resolvedAt + 1 });
      await post({ region: 'upper-trapezius', redness: true }, false, { ...clear, redness: true, soreness: 0 });
      await post({ region: 'upper-trapezius', side: 'left', red_dots: true, date: '2026-11-20' }, false, { ...clear, side: 'left', red_dots: true, date: '2026-11-20', soreness: 0 });
      await post({ region: 'calves', bruising: true, soreness: 10 }, false, { ...clear, region: 'calves', bruising: true, soreness: 10 });
      assert.deepEqual(sortJson((await journalOf(api)).reactions), sortJson(expected.reactions));
    });

    it('habit, treatment and note', async () => {
      const h = await api.expect(201, 'POST', '/api/v1/journal/habit', { json: { habit: kb.habits[0] } });
      assert.ok(h.saved.length > 0);
      expected.habits.push({ date: TODAY, habit: kb.habits[0] });
      await api.expect(201, 'POST', '/api/v1/journal/habit', { json: { habit: kb.habits[1], date: '2026-11-22' } });
      expected.habits.push({ date: '2026-11-22', habit: kb.habits[1] });

      await api.expect(201, 'POST', '/api/v1/journal/treatment', { json: { treatment: kb.treatments[0] } });
      expected.treatments.push({ date: TODAY, treatment: kb.treatments[0], region: '', note: '' });
      await api.expect(201, 'POST', '/api/v1/journal/treatment', { json: { treatment: kb.treatments[1], region: 'calves', note: 'sports massage, 45 min', date: '2026-10-02' } });
      expected.treatments.push({ date: '2026-10-02', treatment: kb.treatments[1], region: 'calves', note: 'sports massage, 45 min' });

      const text = 'Stairs were easier today — ü, ✓, "quotes", <b>not html</b>';
      await api.expect(201, 'POST', '/api/v1/journal/note', { json: { text } });
      expected.notes.push({ date: TODAY, text });
      await api.expect(201, 'POST', '/api/v1/journal/note', { json: { text: 'n'.repeat(4000), date: '2026-01-01' } });
      expected.notes.push({ date: '2026-01-01', text: 'n'.repeat(4000) });

      const journal = await journalOf(api);
      for (const kind of Object.keys(expected)) assert.deepEqual(sortJson(journal[kind]), sortJson(expected[kind]), kind);
    });
  });

  // Cases every journal write shares: [what, request, status, code, field].
  const common = (base) => [
    ['invalid JSON', { body: JSON.stringify(base).slice(0, -1), contentType: JSON_TYPE }, 400, 'bad_json', null],
    ['a JSON array', { body: JSON.stringify([base]), contentType: JSON_TYPE }, 400, ['bad_json', 'invalid'], undefined],
    ['a JSON string', { body: '"hello"', contentType: JSON_TYPE }, 400, ['bad_json', 'invalid'], undefined],
    ['an empty body', { body: '', contentType: JSON_TYPE }, 400, 'bad_json', null],
    ['text/plain', { body: JSON.stringify(base), contentType: 'text/plain' }, 415, 'unsupported_media', null],
    ['a form', { body: 'a=1', contentType: 'application/x-www-form-urlencoded' }, 415, 'unsupported_media', null],
    ['no Content-Type', { body: JSON.stringify(base) }, 415, 'unsupported_media', null],
    ['a body over 64 KiB', { body: oversized(base), contentType: JSON_TYPE }, 413, 'too_large', null],
    ['an impossible date', { json: { ...base, date: '2026-02-30' } }, 400, 'invalid', 'date'],
    ['month 13', { json: { ...base, date: '2026-13-01' } }, 400, 'invalid', 'date'],
    ['a date in words', { json: { ...base, date: 'yesterday' } }, 400, 'invalid', 'date'],
    ['a date with a time', { json: { ...base, date: '2026-11-20T10:00:00' } }, 400, 'invalid', 'date'],
    ['a date as a number', { json: { ...base, date: 20261120 } }, 400, 'invalid', 'date'],
    ['tomorrow', { json: { ...base, date: '2026-11-24' } }, 400, 'invalid', 'date'],
    ['a date far in the future', { json: { ...base, date: '2999-01-01' } }, 400, 'invalid', 'date'],
    ['an unknown field', { json: { ...base, comment: 'hi' } }, 400, 'invalid', 'comment'],
  ];

  const ROUTES = {
    pain: {
      base: { region: 'upper-trapezius', score: 5 },
      cases: (b) => [
        ['no score', { json: { region: b.region } }, 400, 'invalid', 'score'],
        ['no region', { json: { score: 5 } }, 400, 'invalid', 'region'],
        ['a score as a string', { json: { ...b, score: '5' } }, 400, 'invalid', 'score'],
        ['score 11', { json: { ...b, score: 11 } }, 400, 'invalid', 'score'],
        ['score -1', { json: { ...b, score: -1 } }, 400, 'invalid', 'score'],
        ['score 4.5', { json: { ...b, score: 4.5 } }, 400, 'invalid', 'score'],
        ['score true', { json: { ...b, score: true } }, 400, 'invalid', 'score'],
        ['a huge score', { json: { ...b, score: 1e20 } }, 400, 'invalid', 'score'],
        ['an unknown region', { json: { ...b, region: 'elbow-of-destiny' } }, 400, 'unknown_name', 'region'],
        ['a region as a number', { json: { ...b, region: 5 } }, 400, 'invalid', 'region'],
        ['an unknown side', { json: { ...b, side: 'top' } }, 400, 'invalid', 'side'],
        ['midline for a paired region', { json: { ...b, side: 'midline' } }, 400, 'invalid', 'side'],
        ['left for a midline region', () => ({ json: { region: kb.midline, side: 'left', score: 3 } }), 400, 'invalid', 'side'],
      ],
    },
    reaction: {
      base: { region: 'upper-trapezius', soreness: 2 },
      cases: (b) => [
        ['no region', { json: { soreness: 2 } }, 400, 'invalid', 'region'],
        ['soreness -1', { json: { ...b, soreness: -1 } }, 400, 'invalid', 'soreness'],
        ['soreness 11', { json: { ...b, soreness: 11 } }, 400, 'invalid', 'soreness'],
        ['soreness as a string', { json: { ...b, soreness: '3' } }, 400, 'invalid', 'soreness'],
        ['redness as a string', { json: { ...b, redness: 'yes' } }, 400, 'invalid', 'redness'],
        ['red dots as a number', { json: { ...b, red_dots: 1 } }, 400, 'invalid', 'red_dots'],
        ['bruising as a string', { json: { ...b, bruising: 'no' } }, 400, 'invalid', 'bruising'],
        ['an unknown region', { json: { ...b, region: 'elbow-of-destiny' } }, 400, 'unknown_name', 'region'],
        ['an unknown side', { json: { ...b, side: 'up' } }, 400, 'invalid', 'side'],
      ],
    },
    habit: {
      base: { habit: 'movement-breaks' },
      cases: () => [
        ['no habit', { json: {} }, 400, 'invalid', 'habit'],
        ['an unknown habit', { json: { habit: 'juggling' } }, 400, 'unknown_name', 'habit'],
        ['a habit as a number', { json: { habit: 5 } }, 400, 'invalid', 'habit'],
        ['a habit as a list', { json: { habit: ['movement-breaks'] } }, 400, 'invalid', 'habit'],
      ],
    },
    treatment: {
      base: { treatment: 'physiotherapy', region: 'calves', note: 'ok' },
      cases: (b) => [
        ['no treatment', { json: { region: 'calves' } }, 400, 'invalid', 'treatment'],
        ['an unknown treatment', { json: { ...b, treatment: 'reiki-at-a-distance' } }, 400, 'unknown_name', 'treatment'],
        ['an unknown region', { json: { ...b, region: 'elbow-of-destiny' } }, 400, 'unknown_name', 'region'],
        ['a treatment as a number', { json: { ...b, treatment: 3 } }, 400, 'invalid', 'treatment'],
        ['a note as a number', { json: { ...b, note: 5 } }, 400, 'invalid', 'note'],
      ],
    },
    note: {
      base: { text: 'slept better' },
      cases: () => [
        ['no text', { json: {} }, 400, 'invalid', 'text'],
        ['empty text', { json: { text: '' } }, 400, 'invalid', 'text'],
        ['text as a number', { json: { text: 42 } }, 400, 'invalid', 'text'],
        ['text over 4000 characters', { json: { text: 't'.repeat(4001) } }, 400, 'invalid', 'text'],
      ],
    },
  };

  for (const [kind, { base, cases }] of Object.entries(ROUTES))
    describe(`POST /api/v1/journal/${kind} refuses malformed input and changes nothing`, () => {
      for (const [what, req, status, code, field] of [...common(base), ...cases(base)])
        it(`${what} → ${status}`, async () => {
          const request = typeof req === 'function' ? req() : req;
          await expectRefused(api, { path: `/api/v1/journal/${kind}`, ...request, status, code, field });
        });
    });

  it('nothing refused above reached the journal (the writes above are all there is)', async () => {
    const j = await journalOf(api);
    assert.equal(j.pain.length, 4);
    assert.equal(j.reactions.length, 6);
    assert.equal(j.habits.length, 2);
    assert.equal(j.treatments.length, 2);
    assert.equal(j.notes.length, 2);
  });
});
