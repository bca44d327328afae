// Input integrity over HTTP: numbers beyond any range are refused and quoted
// as sent, text limits count Unicode characters, and passwords match in
// whichever Unicode form they are typed.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, addUser, freshDbDir, databaseIn } from './lib/server.mjs';
import { tokenLogin, passwordLogin, stopServerAfter } from './lib/client.mjs';
import { setUpPerson, expectRefused, journalOf } from './lib/flows.mjs';

const HUGE = '18446744073709551615'; // 2^64 - 1: not a number JavaScript can hold exactly

describe('input integrity', () => {
  let server;
  let api;
  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    addUser(db, 'cafe', 'caf\u00e9-latte-1'); // precomposed U+00E9
    server = await startServer({ db, dir });
    ({ api } = await tokenLogin(server));
    await setUpPerson(api);
  });
  stopServerAfter(() => server);

  it('a pain score of 2^64-1 answers 400 quoting the number as sent', async () => {
    const err = await expectRefused(api, {
      path: '/api/v1/journal/pain',
      body: `{"region": "upper-trapezius", "score": ${HUGE}}`,
      contentType: 'application/json',
      code: 'invalid',
      field: 'score',
    });
    assert.match(err.message, new RegExp(`score ${HUGE} is outside 0\\.\\.10`), err.message);
    assert.doesNotMatch(err.message, /-1/);
  });

  for (const beyond of ['18446744073709551616', '-9223372036854775809', '100000000000000000000000000000']) {
    it(`a pain score of ${beyond} (past 64 bits) answers 400 quoting the digits as sent`, async () => {
      const err = await expectRefused(api, {
        path: '/api/v1/journal/pain',
        body: `{"region": "upper-trapezius", "score": ${beyond}}`,
        contentType: 'application/json',
        code: 'invalid',
        field: 'score',
      });
      assert.ok(err.message.includes(`score: ${beyond} `), err.message);
      assert.doesNotMatch(err.message, /e\+/, 'not as a floating-point number');
    });
  }

  for (const written of ['1e1', '10.0', '4.5', '-0.0', '2E+0']) {
    it(`a score written ${written} answers 400 quoting it as written, with its path`, async () => {
      const body = `{"regions": [{"region": "upper-trapezius", "side": "both", "pain": ${written}}], "tools": ["starter-kit"], "weekdays": [1], "minutes_per_session": 30}`;
      const err = await expectRefused(api, { method: 'PUT', path: '/api/v1/profile', body, contentType: 'application/json', code: 'invalid', field: 'regions[0].pain', also: ['/api/v1/profile'] });
      assert.equal(err.message, `regions[0].pain: ${written} is not a whole number (every number fascia takes is whole)`);
    });
  }

  it('a number past 64 bits deep inside a body is quoted with its path', async () => {
    const body = `{"regions": [{"region": "upper-trapezius", "side": "both", "pain": 18446744073709551616}], "tools": ["starter-kit"], "weekdays": [1], "minutes_per_session": 30}`;
    const err = await expectRefused(api, { method: 'PUT', path: '/api/v1/profile', body, contentType: 'application/json', code: 'invalid', field: 'regions[0].pain', also: ['/api/v1/profile'] });
    assert.ok(err.message.startsWith('regions[0].pain: 18446744073709551616 '), err.message);
  });

  it('a session id past 64 bits in the address is refused quoting the digits', async () => {
    const res = await api.request('GET', '/api/v1/sessions/18446744073709551616');
    assert.equal(res.status, 404, res.text);
    assert.equal(res.body.error.message, 'no session 18446744073709551616');
  });

  it('a weekday of 2^64-1 answers 400 quoting the number as sent', async () => {
    const body = `{"regions": [{"region": "upper-trapezius", "side": "both", "pain": 5}], "tools": ["starter-kit"], "weekdays": [${HUGE}], "minutes_per_session": 30}`;
    const err = await expectRefused(api, { method: 'PUT', path: '/api/v1/profile', body, contentType: 'application/json', code: 'invalid', also: ['/api/v1/profile'] });
    assert.ok(err.message.includes(HUGE), err.message);
  });

  it('a name of 60 "Ä" is accepted; 101 characters are refused in characters', async () => {
    const profile = (await api.expect(200, 'GET', '/api/v1/profile'));
    const { name: _old, ...rest } = profile;
    const body = { regions: rest.regions, tools: rest.tools, weekdays: rest.weekdays, minutes_per_session: rest.minutes_per_session };
    const saved = await api.expect(200, 'PUT', '/api/v1/profile', { json: { ...body, name: 'Ä'.repeat(60) } });
    assert.ok(saved);
    assert.equal((await api.expect(200, 'GET', '/api/v1/profile')).name, 'Ä'.repeat(60));
    const err = await expectRefused(api, { method: 'PUT', path: '/api/v1/profile', json: { ...body, name: 'n'.repeat(101) }, code: 'invalid', field: 'name', also: ['/api/v1/profile'] });
    assert.match(err.message, /longer than 100 characters/);
  });

  it('a note of 1,500 emoji is accepted; 4,001 characters are refused in characters', async () => {
    await api.expect(201, 'POST', '/api/v1/journal/note', { json: { text: '\u{1F600}'.repeat(1500) } });
    assert.ok((await journalOf(api)).notes.some((n) => n.text === '\u{1F600}'.repeat(1500)));
    const err = await expectRefused(api, { path: '/api/v1/journal/note', json: { text: 'x'.repeat(4001) }, code: 'invalid', field: 'text' });
    assert.match(err.message, /longer than 4000 characters/);
  });

  it('a password created with a precomposed "é" logs in when typed as "e" plus a combining accent', async () => {
    const { body } = await passwordLogin(server, 'cafe', 'cafe\u0301-latte-1');
    assert.ok(body);
    await passwordLogin(server, 'cafe', 'caf\u00e9-latte-1');
  });
});
