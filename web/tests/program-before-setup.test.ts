// A new client reads what their practitioner assigned before the first run
// (a trial: /program sent them to all the safety questions first). pat
// assigns a program to ana, who has linked but not yet answered the safety
// questions or set up; ana's Home program page shows it, saying it is not
// followed until then, and Today still sends her to the safety questions
// first: nothing is done from the program before them. Set up, her details
// page says what the program sets (areas, days) and what is still hers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiCall, launch, logIn, newPage, passwordOf, setUpClinic, setUpPerson, startServer, NECK_PROGRAM } from './harness';

const PHONE = { width: 390, height: 844 };

test('a program assigned before the first run can be read, and is not followed until it is done', { timeout: 180_000 }, async () => {
  const server = await startServer();
  const browser = await launch();
  try {
    await setUpClinic(server, 'North Physio', 'pat', ['ana']);
    const pat = await newPage(browser, PHONE);
    await logIn(pat.page, server, 'pat', passwordOf('pat'));
    await pat.page.waitForURL(/\/clients$/);
    const ana = await newPage(browser, PHONE);
    await logIn(ana.page, server, 'ana', passwordOf('ana'));
    await ana.page.waitForURL(/\/screening$/);
    const code = (await apiCall<{ code: string }>(pat.page, 'POST', '/invitations', {})).body.code;
    assert.equal((await apiCall(ana.page, 'POST', '/links', { code, share: {} })).status, 201);
    const anaId = (await apiCall<{ person_id: number }>(ana.page, 'GET', '/me')).body.person_id;
    assert.equal((await apiCall(pat.page, 'POST', `/clients/${anaId}/programs`, NECK_PROGRAM)).status, 201);

    await ana.page.goto(server.base + '/program');
    await ana.page.getByTestId('program').first().waitFor();
    assert.match(ana.page.url(), /\/program$/, 'not sent to the safety questions');
    await ana.page.getByTestId('program-awaiting-setup').getByText(/Not followed yet\./).waitFor();
    await ana.page.goto(server.base + '/');
    await ana.page.waitForURL(/\/screening$/);
    // Once set up, My details says which of its choices the program sets.
    await setUpPerson(ana.page, 'ana');
    await ana.page.goto(server.base + '/setup');
    const said = await ana.page.getByTestId('setup-program').innerText();
    assert.match(said, /^pat \(North Physio\) assigned you a home program\. While you follow it, it sets the areas worked and the days \(Monday, Wednesday and Friday\)/, said);
    for (const w of [pat, ana]) assert.deepEqual(w.problems, [], 'CSP violations or page errors');
  } finally {
    await browser.close();
    await server.stop();
  }
});
