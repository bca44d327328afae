// Body map targets on a phone: at 390 and 360 px wide, every tappable thing
// on the figures (the part-of-body buttons of the whole-body view, and every
// area or pain place in each enlarged view) is at least 44×44 CSS px, and a
// tap at its centre reaches it (no neighbour covers it), and no two hit areas
// in an enlarged view overlap. Pain places for the
// referral finder can be picked on the figure; the list is ordered by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { pickArea, shot, withSignedInPerson } from './harness';

const MIN = 44 - 0.5; // sub-pixel rounding

interface Hit {
  what: string;
  w: number;
  h: number;
  reached: boolean;
}

/** Every tappable element inside the figure `figure`: its size and whether a tap at its centre reaches it. */
async function tappables(page: Page, figure: string): Promise<Hit[]> {
  return page.evaluate((figure) => {
    const root = document.querySelector(`[data-figure="${figure}"]`)!;
    const out: Hit[] = [];
    root.querySelectorAll<Element>('svg [role="button"], svg [tabindex], svg a, svg [onclick]').forEach((el) => {
      const r = el.getBoundingClientRect();
      el.scrollIntoView({ block: 'center' });
      const r2 = el.getBoundingClientRect();
      const at = document.elementFromPoint(r2.left + r2.width / 2, r2.top + r2.height / 2);
      out.push({
        what: el.getAttribute('aria-label') ?? el.outerHTML.slice(0, 80),
        w: r.width,
        h: r.height,
        reached: !!at && (at === el || el.contains(at)),
      });
    });
    return out;
  }, figure);
}

/** Pairs of tappable things in `figure` whose hit areas overlap (more than half a pixel each way): a tap there could reach either. */
async function overlapping(page: Page, figure: string): Promise<string[]> {
  return page.evaluate((figure) => {
    const root = document.querySelector(`[data-figure="${figure}"]`)!;
    const els = Array.from(root.querySelectorAll<Element>('svg [role="button"], svg [tabindex], svg a, svg [onclick]'));
    const boxes = els.map((el) => ({ what: el.getAttribute('aria-label') ?? el.outerHTML.slice(0, 60), r: el.getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r, b = boxes[j].r;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 0.5 && h > 0.5) out.push(`"${boxes[i].what}" and "${boxes[j].what}" overlap by ${w.toFixed(1)}×${h.toFixed(1)}`);
      }
    return out;
  }, figure);
}

async function checkFigure(page: Page, figure: string, where: string): Promise<string[]> {
  const bad: string[] = [];
  const report = (hits: Hit[], view: string) => {
    assert.ok(hits.length > 0, `${where} ${view}: something to tap`);
    for (const h of hits)
      if (h.w < MIN || h.h < MIN || !h.reached)
        bad.push(`${where} ${view}: "${h.what}" ${h.w.toFixed(1)}×${h.h.toFixed(1)}${h.reached ? '' : ', covered at its centre'}`);
  };
  const root = page.locator(`[data-figure="${figure}"]`);
  report(await tappables(page, figure), 'whole body');
  const zones = await root.locator('[data-zone]').evaluateAll((els) => els.map((e) => e.getAttribute('data-zone')!));
  assert.ok(zones.length >= 3, 'zones: ' + zones.join(', '));
  for (const z of zones) {
    await root.locator(`[data-zone="${z}"]`).click();
    await page.locator(`[data-figure="${figure}"][data-zoom="${z}"]`).waitFor();
    for (const o of await overlapping(page, figure)) bad.push(`${where} ${z}: ${o}`);
    report(await tappables(page, figure), z);
    const back = await root.getByTestId(`${figure}-whole-body`).boundingBox();
    assert.ok(back && back.height >= MIN, 'the way back is a full-size button');
    await root.getByTestId(`${figure}-whole-body`).click();
  }
  return bad;
}

for (const [width, height] of [
  [390, 844],
  [360, 740],
]) {
  test(`every body-map target is at least 44×44 px at ${width} px`, { timeout: 180_000 }, async () =>
    withSignedInPerson('Kim', { width, height }, async ({ page, server }) => {
      const bad: string[] = [];
      await page.goto(server.base + '/setup');
      await page.locator('[data-figure="areas"]').waitFor();
      bad.push(...(await checkFigure(page, 'areas', '/setup areas')));
      await page.goto(server.base + '/body');
      await page.locator('[data-figure="places"]').waitFor();
      bad.push(...(await checkFigure(page, 'areas', '/body areas')));
      bad.push(...(await checkFigure(page, 'places', '/body places')));
      assert.deepEqual(bad, []);
    }));
}

test('a pain place for the referral finder is picked by tapping the figure; the list is by name', { timeout: 120_000 }, async () =>
  withSignedInPerson('Lee', { width: 390, height: 844 }, async ({ page, server }) => {
    await page.goto(server.base + '/body');
    const places = page.locator('[data-figure="places"]');
    await places.waitFor();
    // The list is ordered by name.
    const names = await page.locator('input[name="locations"]').evaluateAll((els) =>
      els.map((e) => (e as HTMLInputElement).labels![0].textContent!.trim()),
    );
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)), 'list ordered by name');
    // Temple on the head: enlarge the head, tap the temple; the list follows.
    await pickArea(page, 'temple', '', 'places');
    assert.equal(await page.getByRole('checkbox', { name: 'Temple', exact: true }).isChecked(), true);
    assert.equal(await places.locator('[data-location="temple"][aria-pressed="true"]').count(), 2, 'both temple dots show it');
    // A place on the back too, then the possible sources.
    await pickArea(page, 'inner-shoulder-blade', '', 'places');
    assert.equal(await page.getByRole('checkbox', { name: 'Inner edge of the shoulder blade', exact: true }).isChecked(), true);
    await shot(page, 'targets-places-zoomed');
    await page.getByRole('button', { name: 'Show possible sources' }).click();
    const answer = page.getByTestId('referral-answer');
    await answer.waitFor();
    assert.ok((await answer.locator('ol.suggestions > li').count()) >= 1);
    // Tapping again unmarks it.
    await pickArea(page, 'inner-shoulder-blade', '', 'places');
    assert.equal(await page.getByRole('checkbox', { name: 'Inner edge of the shoulder blade', exact: true }).isChecked(), false);
  }));
