// A practitioner's clinic treatment (issue 10, point 4) in a real browser
// against a real server, through the web UI: sam is linked to pat (North
// Physio) and has a home session of instrument work on the upper trapezius
// due today (Monday) → on sam's page pat records trigger-point pressure on the
// scalenes (practitioner-only) and the levator scapulae, then instrument work
// on the left upper trapezius (an empty form with a day in the future and 300
// minutes is refused in one go, each problem next to its field in plain
// words, before anything is sent; a day more than 365 days back too; a
// request changed on its way is refused by the server in the same plain
// words, "from 1 to 240", never "1..240") → each confirmation says what was
// recorded and what it holds back at home, and both entries are in sam's
// journal on the page → sam sees them in their own journal with who recorded
// them where, and their Today (at /today as at /) holds the home instrument
// work on the upper trapezius back until Wednesday, saying it was clinic
// work. At 1100×900; the form also at 390×844 in a second context.
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { apiCall, checkPage, RESULTS, shot, signIn, TODAY, withLinkedClient } from './harness';

const WIDE = { width: 1100, height: 900 };
const PHONE = { width: 390, height: 844 };
const DAY = 'Monday, 23 November 2026'; // TODAY in words
const SCALENES = 'Side of the neck, deep (scalenes)';
const LEVATOR = 'Side and back of the neck to the top of the shoulder blade';
const TRAPS = 'Top of the shoulder (upper trapezius)';

/**
 * A folded section's summary is a list item with the browser's ▸ disclosure
 * marker (as every summary of the app), takes the focus, opens with Enter and
 * then shows ▾.
 */
async function opensFromKeyboard(summary: Locator): Promise<void> {
  const marker = () => summary.evaluate((el) => `${getComputedStyle(el).display} ${getComputedStyle(el).listStyleType}`);
  assert.equal(await marker(), 'list-item disclosure-closed', 'a closed summary shows ▸');
  await summary.focus();
  await summary.page().keyboard.press('Enter');
  assert.equal(await summary.evaluate((el) => (el.parentElement as HTMLDetailsElement).open), true, 'Enter opens it');
  assert.equal(await marker(), 'list-item disclosure-open', 'an open summary shows ▾');
}

test('pat records clinic treatments on sam\'s page; sam sees them and the home work they hold back', { timeout: 300_000 }, async () =>
  withLinkedClient('sam', { pat: WIDE, client: WIDE }, async ({ server, browser, pat, client: sam, clientId: samId, open }) => {
    // Before: sam's home instrument work on the upper trapezius is due today.
    const before = await apiCall<{ due: { protocol: string }[] }>(sam.page, 'GET', '/today');
    assert.ok(before.body.due.some((s) => s.protocol === 'neck-trap-iastm'), JSON.stringify(before.body));

    // pat opens sam's page and the form: today by default, the scalenes choosable.
    await pat.page.goto(`${server.base}/clients/${samId}`);
    const section = pat.page.getByTestId('clinic-treatments');
    await section.getByRole('heading', { name: 'Clinic treatments', level: 2 }).waitFor();
    // Both folded parts of the page look openable (the ▸/▾ marker of every summary) and open from the keyboard.
    await opensFromKeyboard(pat.page.getByTestId('visit-notes').locator('summary', { hasText: 'Write a visit note' }));
    await opensFromKeyboard(section.locator('summary', { hasText: 'Record a clinic treatment' }));
    const form = section.getByRole('form', { name: 'Record a clinic treatment' });
    assert.equal(await form.getByLabel('Day of the treatment').inputValue(), TODAY, 'the day defaults to today');
    assert.equal(await form.getByLabel('Day of the treatment').getAttribute('max'), TODAY, 'no day after today');
    const areaChoices = (await form.getByLabel('Area 1', { exact: true }).locator('option').allTextContents()).map((t) => t.trim());
    assert.ok(areaChoices.includes(`${SCALENES} — practitioners only`), areaChoices.join('|'));
    const treatmentChoices = (await form.getByLabel('Treatment', { exact: true }).locator('option').allTextContents()).map((t) => t.trim());
    assert.ok(treatmentChoices.includes('Instrument-assisted soft tissue work in clinic (instrument work)'), treatmentChoices.join('|'));
    assert.ok(treatmentChoices.includes('Body-weight compression with movement (compression)'), treatmentChoices.join('|'));
    assert.ok(treatmentChoices.includes('Trigger-point massage (sustained pressure)'), treatmentChoices.join('|'));
    assert.ok(treatmentChoices.includes('Swedish massage'), treatmentChoices.join('|'));
    await checkPage(pat.page, WIDE.width, 'the clinic treatment form');

    // Nothing chosen, a day in the future and 300 minutes: every problem at once, each next to its field, nothing sent.
    let posted = 0;
    pat.page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/treatments')) posted++;
    });
    const record = form.getByRole('button', { name: 'Record the treatment' });
    await form.getByLabel('Day of the treatment').fill('2026-11-24');
    await form.getByLabel('Minutes').fill('300');
    await record.click();
    const dateField = form.locator('.field', { has: pat.page.locator('#ct-date') });
    await dateField
      .locator('.field-error')
      .getByText('Day of the treatment: Tuesday, 24 November 2026 is in the future (today is Monday, 23 November 2026).', { exact: true })
      .waitFor();
    await form.locator('#ct-treatment-error').getByText('Choose the treatment you gave.', { exact: true }).waitFor();
    await form.getByTestId('clinic-treatment-area').getByText('Choose the area you worked, or remove this row.', { exact: true }).waitFor();
    await form.locator('#ct-minutes-error').getByText('Minutes: enter a number from 1 to 240.', { exact: true }).waitFor();
    assert.equal(await form.locator('.field-error').count(), 4, 'the day, the treatment, the area and the minutes, in one go');
    for (const label of ['Day of the treatment', 'Minutes'])
      assert.equal(await form.getByLabel(label).getAttribute('aria-invalid'), 'true', label);
    assert.equal(await form.getByLabel('Minutes').getAttribute('aria-describedby'), 'ct-minutes-error', 'the refusal is the field\'s description');
    await shot(pat.page, 'clinic-treatments-1-refused');

    // Trigger-point pressure on the scalenes and the levator scapulae, dated more than 365 days back: only the day is refused now.
    await form.getByLabel('Treatment', { exact: true }).selectOption('trigger-point-massage');
    await form.getByTestId('clinic-treatment-hint').getByText(/It counts as pressure work on the areas worked: sam's home compression and pressure work there waits at least 24 h after it/).waitFor();
    await form.getByLabel('Area 1', { exact: true }).selectOption('scalenes');
    await form.getByLabel('Side of area 1').selectOption('left');
    await form.getByRole('button', { name: 'Add another area' }).click();
    await form.getByLabel('Area 2', { exact: true }).selectOption('levator-scapulae');
    await form.getByLabel('Side of area 2').selectOption('left');
    await form.getByLabel('Pressure, 0–10 (optional)').selectOption('3');
    await form.getByLabel('Minutes').fill('4');
    await form.getByLabel('Reaction seen (optional)').fill('Tender; no tingling into the arm.');
    await form.getByLabel('Day of the treatment').fill('2025-11-22');
    await record.click();
    await dateField
      .locator('.field-error')
      .getByText('Day of the treatment: Saturday, 22 November 2025 is more than 365 days ago (the earliest is Sunday, 23 November 2025).', { exact: true })
      .waitFor();
    assert.equal(await form.locator('.field-error').count(), 1, 'only the day is refused');
    assert.doesNotMatch(await form.innerText(), /regions\[|\.\.\d/);
    assert.equal(posted, 0, 'nothing was sent while the form had a problem');
    await form.getByLabel('Day of the treatment').fill(TODAY);
    await form.getByLabel('Minutes').fill('4');
    await record.click();
    const saved = section.getByTestId('clinic-treatment-saved');
    await saved
      .getByText(`Recorded in sam's journal for ${DAY}: Trigger-point massage on ${SCALENES} (left side), ${LEVATOR} (left side); pressure 3/10; 4 minutes.`)
      .waitFor();
    await saved.getByText(new RegExp(`It counts as pressure work on ${LEVATOR} \\(left side\\): sam's home compression and pressure work there waits at least 24 h after it`)).waitFor();
    await saved.getByText(new RegExp(`${SCALENES.replace(/[()]/g, '\\$&')} \\(left side\\) is for practitioners only: never in sam's home plan\\.`)).waitFor();
    assert.equal(await form.getByLabel('Treatment', { exact: true }).inputValue(), '', 'the form is empty again');

    // Instrument work on the left upper trapezius.
    await form.getByLabel('Treatment', { exact: true }).selectOption('clinic-iastm');
    await form.getByLabel('Area 1', { exact: true }).selectOption('upper-trapezius');
    await form.getByLabel('Side of area 1').selectOption('left');
    await form.getByLabel('Pressure, 0–10 (optional)').selectOption('4');
    await form.getByLabel('Minutes').fill('5');
    await form.getByLabel('Reaction seen (optional)').fill('Redness, gone within the hour');
    await form.getByLabel(/^Note \(optional/).fill('Keep the home work light this week.');
    await record.click();
    await saved
      .getByText(`Recorded in sam's journal for ${DAY}: Instrument-assisted soft tissue work in clinic on ${TRAPS} (left side); pressure 4/10; 5 minutes.`)
      .waitFor();
    const effect = await saved.innerText();
    assert.match(effect, /It counts as instrument work on Top of the shoulder \(upper trapezius\) \(left side\): sam's home instrument work there waits at least 48 h after it/, effect);
    assert.match(effect, /it counts toward the 3 instrument sessions allowed there in any 7 days/, effect);
    assert.match(effect, /and until a check-in after it reports the skin and soreness settled/, effect);
    assert.match(effect, /It may go on from Wednesday, 25 November 2026 at the earliest; sam's Today page says from which day it does\./, effect);
    await shot(pat.page, 'clinic-treatments-2-saved');
    await section.screenshot({ path: join(RESULTS, 'clinic-treatments-2-saved-section.png') });

    // Both entries are in sam's journal on the page (the Journal tab is read again after each save).
    const rows = pat.page.locator('#client-panel tr[data-list="clinic_treatments"]');
    await rows.filter({ hasText: 'Instrument-assisted soft tissue work in clinic' }).waitFor();
    assert.equal(await rows.count(), 2);
    const padRows = await rows.allInnerTexts();
    assert.ok(padRows.every((t) => /In clinic/.test(t) && /Recorded by pat, North Physio\./.test(t)), padRows.join('\n'));
    assert.ok(padRows.some((t) => t.includes('seen: Redness, gone within the hour; note: Keep the home work light this week')), padRows.join('\n'));
    await checkPage(pat.page, WIDE.width, "sam's page with two clinic treatments");

    // The form at 390×844, in a second context.
    const phone = await signIn(browser, server, 'pat', PHONE, 'practitioner');
    open.push(phone);
    await phone.page.goto(`${server.base}/clients/${samId}`);
    const phoneSection = phone.page.getByTestId('clinic-treatments');
    await phoneSection.getByText('Record a clinic treatment').click();
    const phoneForm = phoneSection.getByRole('form', { name: 'Record a clinic treatment' });
    await phoneForm.getByLabel('Treatment', { exact: true }).selectOption('clinic-iastm');
    await phoneForm.getByLabel('Area 1', { exact: true }).selectOption('anterior-neck');
    await phoneForm.getByRole('button', { name: 'Add another area' }).click();
    await phoneForm.getByLabel('Area 2', { exact: true }).selectOption('scalenes');
    await phoneForm.getByLabel('Minutes').fill('300');
    await phoneForm.getByRole('button', { name: 'Record the treatment' }).click();
    await phoneForm.locator('#ct-minutes-error').getByText('Minutes: enter a number from 1 to 240.', { exact: true }).waitFor();
    // The server checks again: a request changed on its way (5 minutes become 300) is refused in the same plain words, with no "1..240".
    await phone.page.route('**/api/v1/clients/*/treatments', (route) =>
      route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), minutes: 300 }) }),
    );
    await phoneForm.getByLabel('Minutes').fill('5');
    await phoneForm.getByRole('button', { name: 'Record the treatment' }).click();
    await phoneForm.locator('#ct-minutes-error').getByText('Minutes: 300 is not allowed; enter a number from 1 to 240.', { exact: true }).waitFor();
    await phone.page.unroute('**/api/v1/clients/*/treatments');
    await checkPage(phone.page, PHONE.width, 'the clinic treatment form at 390×844');
    await shot(phone.page, 'clinic-treatments-3-form-390');
    await phoneSection.screenshot({ path: join(RESULTS, 'clinic-treatments-3-form-390-section.png') });

    // sam: both entries in their journal, with who recorded them where.
    await sam.page.goto(server.base + '/journal');
    const own = sam.page.locator('tr[data-list="clinic_treatments"]');
    await own.filter({ hasText: 'Recorded by pat, North Physio.' }).first().waitFor();
    const ownRows = await own.allInnerTexts();
    assert.equal(ownRows.length, 2, ownRows.join('\n'));
    assert.ok(ownRows.some((t) => t.includes(`Trigger-point massage on ${SCALENES} (left side), ${LEVATOR} (left side); pressure 3/10; 4 minutes; seen: Tender; no tingling into the arm. Recorded by pat, North Physio.`)), ownRows.join('\n'));
    assert.ok(ownRows.some((t) => t.includes(`Instrument-assisted soft tissue work in clinic on ${TRAPS} (left side); pressure 4/10; 5 minutes`)), ownRows.join('\n'));
    await checkPage(sam.page, WIDE.width, "sam's journal");
    await shot(sam.page, 'clinic-treatments-4-journal');

    // sam's Today: the home instrument work on the upper trapezius waits until Wednesday, and says it was clinic work.
    // At /today as at / (the nav's Today is the current page).
    await sam.page.goto(server.base + '/today');
    await sam.page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    assert.equal(await sam.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).getAttribute('aria-current'), 'page');
    const gap = sam.page.getByTestId('why-not-today-reasons').locator('li[data-rule="instrument-min-hours-between"]');
    await gap.waitFor();
    const why = await gap.innerText();
    assert.match(why, new RegExp(`^${TRAPS.replace(/[()]/g, '\\$&')}: instrument work in clinic on ${DAY}; at least 48 h must pass between instrument sessions; next allowed Wednesday, 25 November 2026`), why);
    const after = await apiCall<{ due: { protocol: string }[] }>(sam.page, 'GET', '/today');
    assert.ok(!after.body.due.some((s) => s.protocol === 'neck-trap-iastm'), 'the home instrument session is no longer due today');
    await checkPage(sam.page, WIDE.width, "sam's Today");
    await shot(sam.page, 'clinic-treatments-5-today');

    // sam's Plan: today (picked by default) gives the same reason.
    await sam.page.goto(server.base + '/plan');
    const planWhy = sam.page.getByTestId('why-not-today').locator('li[data-rule="instrument-min-hours-between"]');
    await planWhy.getByText(/instrument work in clinic on Monday, 23 November 2026/).waitFor();
    await shot(sam.page, 'clinic-treatments-6-plan');

    // Instrument work in clinic two days ago on the right levator scapulae: past its gap, home work there waits for
    // a check-in (ADR 0003), and the reason links to the Journal page's check-in instead of naming a terminal command.
    const earlier = new Date(`${TODAY}T00:00:00Z`);
    earlier.setUTCDate(earlier.getUTCDate() - 2);
    const older = await apiCall(pat.page, 'POST', `/clients/${samId}/treatments`, {
      date: earlier.toISOString().slice(0, 10),
      treatment: 'clinic-iastm',
      regions: [{ region: 'levator-scapulae', side: 'right' }],
      minutes: 5,
    });
    assert.equal(older.status, 201, JSON.stringify(older.body));
    await sam.page.goto(server.base + '/');
    const checkIn = sam.page.getByTestId('why-not-today-reasons').locator('li[data-rule="reaction-unconfirmed"]');
    await checkIn.waitFor();
    const checkInWhy = await checkIn.innerText();
    assert.match(checkInWhy, /no check-in since the last instrument work in clinic; .* check in on each area it worked from Sunday, 22 November 2026 on — Check in/, checkInWhy);
    assert.doesNotMatch(checkInWhy, /\(fascia /, checkInWhy);
    // The link opens the Journal on soreness and skin, where each area is checked in (not on Pain).
    await checkIn.getByRole('link', { name: 'Check in' }).click();
    await sam.page.waitForURL(/\/journal\?kind=reaction$/);
    assert.equal(await sam.page.getByRole('tab', { name: 'Soreness and skin' }).getAttribute('aria-selected'), 'true');

    // From a new-user trial: Today's one check-in for every area dead-ended after clinic work (it followed only
    // sessions). It follows the latest instrument work, here pat's in clinic today on the upper trapezius.
    await sam.page.goto(server.base + '/');
    await sam.page.getByRole('link', { name: /Check in after the last instrument work, at home or in clinic/ }).click();
    await sam.page.waitForURL(/\/check-in$/);
    await sam.page.getByText(`After the instrument work in clinic on ${DAY}.`, { exact: false }).waitFor();
    const areas = await sam.page.locator('fieldset.checkin-area legend').allInnerTexts();
    assert.deepEqual(areas.map((a) => a.trim()), [`${TRAPS}, left side`], areas.join('|'));
    await sam.page.getByTestId('all-clear').click();
    await sam.page.getByTestId('checkin-saved').waitFor();
    await sam.page.getByTestId('checkin-early').waitFor(); // on the day of the work: kept, releases nothing yet
    await shot(sam.page, 'clinic-treatments-7-check-in');
  }),
);
