// Finding a practitioner (issue 11) in a real browser against a real server,
// with the example directory (docs/examples/directory.csv: six listings
// around Walnut Creek, CA, five published) imported into its database, and
// every request to anywhere but the server refused and recorded (the map is
// drawn from outlines bundled with the app):
//  1. robin's week-4 review (a neck profile from 23 November, pain 6 → 8 on
//     the review day, 21 December) says to see a practitioner and links to the
//     finder for instrument work that did not help; robin follows the link,
//     searches Walnut Creek and gets the API's ranking, with distances, the
//     need's words, and one map marker per result; the place is kept on this
//     device and fills the form next time; a misspelt place offers its
//     suggestion as a button that searches it; a need that calls for a medical
//     check says so above the results. At 390×844 and 1100×900.
//  2. pat writes a listing on /listing (the server's refusals shown next to
//     their fields), which is not published: sam's search does not show it;
//     pat publishes it and sam's search does; pat unpublishes it and it is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  addUser,
  apiCall,
  checkPage,
  launch,
  logIn,
  newPage,
  passwordOf,
  runFascia,
  setUpClinic,
  shot,
  signIn,
  startServer,
  TODAY,
  WEB_DIR,
  type Server,
  type Watched,
} from './harness';

const DIRECTORY = join(WEB_DIR, '..', 'docs', 'examples', 'directory.csv');
const REVIEW_DAY = '2026-12-21'; // four weeks after TODAY, the profile's start
const WIDE = { width: 1100, height: 900 };
const PHONE = { width: 390, height: 844 };

interface Named {
  id: string;
  name: string;
}
interface Match {
  listing: { id: number; name: string; modalities: Named[] };
  distance_km: number;
  why: string[];
}
interface Found {
  outcome: 'found';
  place: { label: string };
  need: { id: string; name: string; says: string; medical_first: boolean } | null;
  total: number;
  results: Match[];
}
interface Treatment {
  id: string;
  counts_as: string | null;
}

/** Refuses every request that is not to the server, and records it: the finder must make none. */
async function onlyTheServer(w: Watched, server: Server): Promise<string[]> {
  const elsewhere: string[] = [];
  await w.context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === server.base) return route.continue();
    elsewhere.push(url);
    return route.abort();
  });
  return elsewhere;
}

/** The distance as the list writes it: one decimal under 10 km. */
function km(d: number): string {
  return d < 10 ? `${d.toFixed(1)} km` : `${Math.round(d)} km`;
}

/** The list's names, distances and treatments, in its order. */
async function listed(page: Page): Promise<{ name: string; distance: string; treatments: string }[]> {
  return page.getByTestId('finder-result').evaluateAll((items) =>
    items.map((li) => ({
      name: li.querySelector('[data-testid="listing-name"]')?.textContent?.trim() ?? '',
      distance: li.querySelector('[data-testid="listing-distance"]')?.textContent?.trim() ?? '',
      treatments: li.querySelector('[data-testid="listing-treatments"]')?.textContent?.trim() ?? '',
    })),
  );
}

/** Searches from the finder's form, and waits for the answer's heading. */
async function search(page: Page, near: string, opts: { modality?: string } = {}): Promise<void> {
  await page.getByLabel('Near which town or city').fill(near);
  if (opts.modality !== undefined) await page.getByLabel('Treatment').selectOption(opts.modality);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.locator('#finder-answer-title:focus').waitFor();
}

test('from the week-4 review to practitioners near a place, with a map and no request elsewhere', { timeout: 240_000 }, async () => {
  const server = await startServer({ today: REVIEW_DAY });
  const browser = await launch();
  try {
    assert.match(await runFascia(server, ['directory', 'import', DIRECTORY, '--name', 'east-bay']), /Imported 6 of 6/);
    await addUser(server, 'robin', passwordOf('robin'));
    const robin = await newPage(browser, PHONE);
    const elsewhere = await onlyTheServer(robin, server);
    const { page } = robin;
    await logIn(page, server, 'robin', passwordOf('robin'));
    await page.waitForURL(/\/screening$/);

    // A neck profile that started four weeks ago, every safety answer no, and
    // the pain worse on the review day: the review says to see a practitioner.
    const profile = await apiCall(page, 'PUT', '/profile', {
      name: 'robin',
      regions: [{ region: 'upper-trapezius', side: 'both', pain: 6 }],
      tools: ['starter-kit'],
      weekdays: [0, 2, 4],
      start: TODAY,
    });
    assert.equal(profile.status, 200, JSON.stringify(profile.body));
    const questions = await apiCall<{ id: string; kind: string }[]>(page, 'GET', '/kb/questions');
    const answers = Object.fromEntries(
      questions.body.map((q) => [q.id, q.kind === 'regions' ? { yes: false, regions: [] } : { yes: false }]),
    );
    assert.equal((await apiCall(page, 'POST', '/screening', { answers })).status, 201);
    assert.equal((await apiCall(page, 'POST', '/journal/pain', { region: 'upper-trapezius', score: 8 })).status, 201);
    const progress = await apiCall<{ review: { see_practitioner: boolean; finder_need: string | null } }>(page, 'GET', '/progress');
    assert.deepEqual(
      { see: progress.body.review.see_practitioner, need: progress.body.review.finder_need },
      { see: true, need: 'instrument-not-improving' },
    );

    // Progress: the review links to the finder for its need.
    await page.goto(server.base + '/progress');
    const review = page.locator('section[aria-labelledby="review-title"]');
    const link = review.getByRole('link', { name: 'Find a practitioner near you' });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), '/find?need=instrument-not-improving');
    await link.click();
    await page.waitForURL(/\/find\?need=instrument-not-improving$/);
    await page.getByRole('heading', { name: 'Find a practitioner', level: 1 }).waitFor();
    await page.getByTestId('need-pending').waitFor();
    assert.equal(await page.getByLabel('Near which town or city').inputValue(), '', 'nothing kept yet');
    await page.getByTestId('place-kept').getByText(/on this device only/).waitFor();

    // Walnut Creek, within 25 km: the list is the API's, in its order.
    await search(page, 'Walnut Creek');
    assert.match(page.url(), /\/find\?near=Walnut\+Creek&within=25&need=instrument-not-improving$/);
    const api = await apiCall<Found>(page, 'GET', '/finder?near=Walnut%20Creek&within=25&need=instrument-not-improving');
    assert.equal(api.status, 200);
    assert.equal(api.body.outcome, 'found');
    assert.ok(api.body.results.length >= 2, 'more than one practitioner does instrument work nearby');
    const treatments = await apiCall<Treatment[]>(page, 'GET', '/kb/treatments');
    const instrument = new Set(treatments.body.filter((t) => t.counts_as === 'instrument').map((t) => t.id));
    for (const r of api.body.results)
      assert.ok(r.listing.modalities.some((m) => instrument.has(m.id)), `${r.listing.name} does instrument work`);
    const shown = await listed(page);
    assert.deepEqual(
      shown.map((s) => [s.name, s.distance]),
      api.body.results.map((r) => [r.listing.name, km(r.distance_km)]),
      'the ranking and the distances of the API',
    );
    for (const [i, r] of api.body.results.entries())
      for (const m of r.listing.modalities) assert.ok(shown[i].treatments.includes(m.name), `${m.name} listed for ${r.listing.name}`);
    const first = page.getByTestId('finder-result').first();
    await first.getByTestId('listing-why').getByText(/does this work in clinic/i).waitFor();
    assert.equal((await first.locator('.rank').textContent())?.replace('Number', '').trim(), '1');
    // The need's words come with the results, above them; no medical check is called for here.
    const need = page.getByTestId('need-notice');
    await need.getByText(api.body.need!.name).waitFor();
    await need.getByText(api.body.need!.says).waitFor();
    assert.equal(await page.getByTestId('need-pending').count(), 0);
    assert.equal(await page.getByTestId('medical-first').count(), 0);
    await page.getByTestId('finder-attribution').getByText(/GeoNames/).waitFor();

    // The map: one numbered marker per result, numbered as the list, an image with a summary.
    const map = page.getByTestId('finder-map');
    const svg = map.locator('svg');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.match((await svg.getAttribute('aria-label')) ?? '', new RegExp(`${api.body.results.length} numbered markers`));
    const markers = await map.locator('.map-marker').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-n')));
    assert.deepEqual(markers, api.body.results.map((_, i) => String(i + 1)));
    assert.ok(((await map.locator('.map-land').getAttribute('d')) ?? '').length > 100, 'land is drawn');
    await map.getByText(/Natural Earth/).waitFor();
    await checkPage(page, PHONE.width, 'the finder at 390');
    await shot(page, 'finder-1-results-390');
    await page.setViewportSize(WIDE);
    await checkPage(page, WIDE.width, 'the finder at 1100');
    await shot(page, 'finder-1-results-1100');

    // The place found is kept on this device: the form starts with it.
    await page.goto(server.base + '/find?need=instrument-not-improving');
    assert.equal(await page.getByLabel('Near which town or city').inputValue(), 'Walnut Creek, CA, US');

    // A misspelt place: its suggestion is a button that searches it.
    await search(page, 'Walnut Crek');
    const choices = page.getByTestId('place-choices');
    await choices.getByText(/did you mean/).waitFor();
    assert.equal(await page.getByTestId('finder-result').count(), 0);
    await checkPage(page, WIDE.width, 'a place not found');
    await choices.getByRole('button', { name: 'Walnut Creek, CA, US' }).click();
    await page.locator('#finder-answer-title:focus').waitFor();
    await page.getByRole('heading', { name: 'Near Walnut Creek, CA, US', level: 2 }).waitFor();
    assert.deepEqual((await listed(page)).map((s) => s.name), api.body.results.map((r) => r.listing.name));
    assert.equal(await page.getByLabel('Near which town or city').inputValue(), 'Walnut Creek, CA, US');

    // A need that calls for a medical check first says so before the results.
    await page.setViewportSize(PHONE);
    await page.goto(server.base + '/find?need=medical-check&near=Walnut+Creek&within=50');
    const medical = page.getByTestId('medical-first');
    await medical.getByText('A medical check comes first.').waitFor();
    const firstResult = page.getByTestId('finder-result').first();
    await firstResult.waitFor();
    assert.ok((await medical.boundingBox())!.y < (await firstResult.boundingBox())!.y, 'said above the results');
    // Doctors first for it: the API's order again.
    const medicalApi = await apiCall<Found>(page, 'GET', '/finder?near=Walnut%20Creek&within=50&need=medical-check');
    assert.deepEqual((await listed(page)).map((s) => s.name), medicalApi.body.results.map((r) => r.listing.name));
    assert.equal((await map.locator('.map-marker').count()), medicalApi.body.results.length);
    await checkPage(page, PHONE.width, 'a medical check first at 390');
    await shot(page, 'finder-2-medical-first-390');

    assert.deepEqual(elsewhere, [], 'no request to anywhere but the server');
    assert.deepEqual(robin.problems, [], 'CSP violations or page errors');
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a listing is seen by no one until it is published', { timeout: 240_000 }, async () => {
  const server = await startServer();
  const browser = await launch();
  try {
    await runFascia(server, ['directory', 'import', DIRECTORY, '--name', 'east-bay']);
    await setUpClinic(server, 'North Physio', 'pat', ['sam']);
    const pat = await signIn(browser, server, 'pat', PHONE, 'practitioner');
    const sam = await signIn(browser, server, 'sam', WIDE, 'new person');
    const patElsewhere = await onlyTheServer(pat, server);
    const samElsewhere = await onlyTheServer(sam, server);

    // pat's navigation leads to the listing, which does not exist yet.
    await pat.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My listing' }).click();
    await pat.page.getByRole('heading', { name: 'My listing', level: 1 }).waitFor();
    await pat.page.getByTestId('listing-none').waitFor();

    // A first try with a misspelt place and no contact: both refused next to their fields.
    const form = pat.page.locator('form.listing-form');
    await form.getByLabel('Name people see').fill('Pat Doe, PT');
    await form.getByLabel('Clinic (if any)').fill('North Physio');
    await form.getByRole('checkbox', { name: 'Physiotherapy' }).check();
    await form.getByRole('checkbox', { name: 'Instrument-assisted soft tissue work in clinic' }).check();
    await form.getByRole('checkbox', { name: 'Side of the neck, deep (scalenes)' }).check();
    await form.getByLabel('Languages you work in').fill('English, Greek');
    await form.getByLabel('Town or city').fill('Walnut Crek');
    await form.getByLabel('Postcode (if you like)').fill('94596');
    await form.getByRole('button', { name: 'Save my listing' }).click();
    const placeField = form.locator('.field', { has: pat.page.locator('#listing-place') });
    await placeField.locator('.field-error').getByText(/did you mean Walnut Creek, CA, US/).waitFor();
    const contactField = form.locator('.field', { has: pat.page.locator('#listing-contact') });
    await contactField.locator('.field-error').getByText('The contact is required.').waitFor();
    assert.equal(await form.locator('#listing-place').getAttribute('aria-invalid'), 'true');
    await checkPage(pat.page, PHONE.width, 'the listing form with refusals at 390');
    await shot(pat.page, 'finder-3-listing-refused-390');

    await form.getByLabel('Town or city').fill('Walnut Creek, CA, US');
    await form.getByLabel('How people reach you').fill('925 555 0100');
    await form.getByRole('button', { name: 'Save my listing' }).click();
    await form.getByTestId('listing-saved').getByText(/not published/).waitFor();
    const state = pat.page.getByTestId('listing-state');
    assert.equal(await state.getAttribute('data-published'), 'false');
    await state.getByText(/seen by no one/).waitFor();
    await pat.page.getByTestId('listing-preview').getByText('Walnut Creek 94596').waitFor();
    const own = await apiCall<{ listing: { published: boolean; areas: Named[]; languages: string[] } }>(pat.page, 'GET', '/listing');
    assert.equal(own.body.listing.published, false);
    assert.deepEqual(own.body.listing.areas.map((a) => a.id), ['scalenes']);
    assert.deepEqual(own.body.listing.languages, ['English', 'Greek']);

    // sam searches for instrument work near Walnut Creek: not there.
    await sam.page.goto(server.base + '/');
    await sam.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find a practitioner' }).click();
    await search(sam.page, 'Walnut Creek', { modality: 'clinic-iastm' });
    let names = (await listed(sam.page)).map((s) => s.name);
    assert.ok(names.includes('Morgan Reyes, DPT') && !names.includes('Pat Doe, PT'), names.join('; '));

    // pat publishes it: sam's search now shows it.
    await pat.page.getByRole('button', { name: 'Publish my listing' }).click();
    await pat.page.getByTestId('listing-published').waitFor();
    assert.equal(await state.getAttribute('data-published'), 'true');
    await pat.page.getByRole('button', { name: 'Unpublish my listing' }).waitFor();
    await pat.page.setViewportSize(WIDE);
    await checkPage(pat.page, WIDE.width, 'the listing page at 1100');
    await shot(pat.page, 'finder-4-listing-published-1100');
    await search(sam.page, 'Walnut Creek', { modality: 'clinic-iastm' });
    names = (await listed(sam.page)).map((s) => s.name);
    assert.ok(names.includes('Pat Doe, PT'), names.join('; '));
    const mine = sam.page.getByTestId('finder-result').filter({ hasText: 'Pat Doe, PT' });
    await mine.getByText('Side of the neck, deep (scalenes)').waitFor();
    await mine.getByText('English, Greek').waitFor();
    assert.equal(await sam.page.getByTestId('finder-map').locator('.map-marker').count(), names.length);

    // Unpublished again: gone from the search at once.
    await pat.page.getByRole('button', { name: 'Unpublish my listing' }).click();
    await pat.page.getByRole('button', { name: 'Publish my listing' }).waitFor();
    await search(sam.page, 'Walnut Creek', { modality: 'clinic-iastm' });
    names = (await listed(sam.page)).map((s) => s.name);
    assert.ok(!names.includes('Pat Doe, PT'), names.join('; '));

    assert.deepEqual([...patElsewhere, ...samElsewhere], [], 'no request to anywhere but the server');
    for (const w of [pat, sam]) assert.deepEqual(w.problems, [], 'CSP violations or page errors');
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('same-day warning signs link to the finder, which stays reachable; so it is before the first run', { timeout: 180_000 }, async () => {
  const server = await startServer();
  const browser = await launch();
  try {
    await runFascia(server, ['directory', 'import', DIRECTORY, '--name', 'east-bay']);
    await addUser(server, 'lee', passwordOf('lee'));
    await addUser(server, 'kim', passwordOf('kim'));
    const lee = await signIn(browser, server, 'lee', PHONE, 'new person');
    const elsewhere = await onlyTheServer(lee, server);
    const { page } = lee;

    // lee answers the questions again with a fever: see a doctor today.
    const questions = await apiCall<{ id: string; kind: string }[]>(page, 'GET', '/kb/questions');
    const answers = Object.fromEntries(
      questions.body.map((q) => [q.id, q.kind === 'regions' ? { yes: false, regions: [] } : { yes: q.id === 'fever' }]),
    );
    const screened = await apiCall<{ level: string; findings: { rule: string; finder_need: string | null }[] }>(page, 'POST', '/screening', { answers });
    assert.equal(screened.body.level, 'urgent');
    assert.equal(screened.body.findings.find((f) => f.rule === 'urgent-fever')?.finder_need, 'urgent-care');

    // The full-screen message: the finding links to the finder for a doctor today.
    await page.goto(server.base + '/');
    const alarm = page.getByRole('alertdialog');
    await alarm.getByRole('heading', { name: 'See a doctor today' }).waitFor();
    const link = alarm.getByRole('link', { name: 'Find a practitioner near you' });
    assert.equal(await link.count(), 1, 'one link for the one need');
    await link.click();
    await page.waitForURL(/\/find\?need=urgent-care$/);
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.deepEqual((await nav.getByRole('link').allTextContents()).slice(0, 2), ['What to do now', 'Find a practitioner']);
    assert.equal(await nav.getByRole('link', { name: 'Find a practitioner' }).getAttribute('aria-current'), 'page');
    await search(page, 'Walnut Creek');
    await page.getByTestId('medical-first').getByText('A medical check comes first.').waitFor();
    assert.equal(
      (await page.getByTestId('finder-result').first().getByTestId('listing-name').textContent())?.trim(),
      'Dr. Priya Natarajan',
      'the doctor first',
    );
    assert.equal(await page.getByTestId('finder-result').count(), 1, 'a doctor today: only doctors are listed');
    await page.getByTestId('need-notice').getByText(/needs a doctor today/).waitFor();
    await checkPage(page, PHONE.width, 'the finder in the alarm state');
    assert.deepEqual(elsewhere, [], 'no request to anywhere but the server');
    assert.deepEqual(lee.problems, [], 'CSP violations or page errors');

    // kim has not answered the safety questions yet: the finder still opens.
    const kim = await newPage(browser, WIDE);
    await logIn(kim.page, server, 'kim', passwordOf('kim'));
    await kim.page.waitForURL(/\/screening$/);
    await kim.page.goto(server.base + '/find');
    await kim.page.getByRole('heading', { name: 'Find a practitioner', level: 1 }).waitFor();
    await search(kim.page, 'Walnut Creek');
    assert.ok((await kim.page.getByTestId('finder-result').count()) > 0);
    assert.ok(kim.page.url().includes('/find?'), kim.page.url());
    assert.deepEqual(kim.problems, [], 'CSP violations or page errors');
  } finally {
    await browser.close();
    await server.stop();
  }
});
