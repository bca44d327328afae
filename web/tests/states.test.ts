// Contrast in every interaction state. axe checks only what is on screen at
// rest; here each link and button of the pages is forced (through the
// DevTools protocol) into :hover, :focus, :focus-visible and :active, and the
// text contrast is computed from the computed colours with the WCAG 2
// relative-luminance formula. 4.5:1 for text. Also checks that the hover
// styles do not apply on a touch screen (hover: none), where they would stick
// to the tapped link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CDPSession, Page } from 'playwright-core';
import { launch, startServer, setUpPerson, withSignedInPerson } from './harness';

const STATES: string[][] = [[], ['hover'], ['focus'], ['focus', 'focus-visible'], ['active'], ['hover', 'focus', 'focus-visible', 'active']];
const PAGES = ['/', '/plan', '/body', '/journal', '/progress', '/library', '/setup', '/screening?again=1'];

interface Probe {
  fg: string;
  bgs: string[];
  text: string;
}

/** Text colour and the stack of backgrounds behind the element (its own first), as computed. */
async function probe(page: Page, selector: string, index: number): Promise<Probe> {
  return page.evaluate(
    ({ selector, index }) => {
      const el = document.querySelectorAll<HTMLElement>(selector)[index];
      const bgs: string[] = [];
      for (let n: HTMLElement | null = el; n; n = n.parentElement) bgs.push(getComputedStyle(n).backgroundColor);
      return { fg: getComputedStyle(el).color, bgs, text: (el.textContent ?? '').trim().slice(0, 40) };
    },
    { selector, index },
  );
}

type Rgba = [number, number, number, number];
function parse(c: string): Rgba {
  const m = /rgba?\(([^)]+)\)/.exec(c);
  if (!m) throw new Error('colour not understood: ' + c);
  const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
/** Paints `top` over the opaque `under`. */
function over(top: Rgba, under: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
}
function luminance([r, g, b]: Rgba): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
export function contrast(p: Probe): number {
  let bg: Rgba = [255, 255, 255, 1];
  for (const c of [...p.bgs].reverse()) bg = over(parse(c), bg);
  const fg = over(parse(p.fg), bg);
  const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

async function nodeIds(cdp: CDPSession, selector: string): Promise<number[]> {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  return nodeIds;
}

const TARGETS = 'a[href], button:not(:disabled)';

test('links and buttons keep 4.5:1 text contrast when hovered, focused or pressed', { timeout: 240_000 }, async () =>
  withSignedInPerson('Sam', { width: 390, height: 844 }, async ({ page, server }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const bad: string[] = [];
    let checked = 0;
    for (const path of PAGES) {
      await page.goto(server.base + path);
      await page.locator('#page-title').waitFor();
      await page.waitForTimeout(300);
      const ids = await nodeIds(cdp, TARGETS);
      for (let i = 0; i < ids.length; i++) {
        const visible = await page.evaluate(
          ({ sel, i }) => {
            const el = document.querySelectorAll<HTMLElement>(sel)[i];
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && (el.textContent ?? '').trim() !== '';
          },
          { sel: TARGETS, i },
        );
        if (!visible) continue;
        for (const states of STATES) {
          await cdp.send('CSS.forcePseudoState', { nodeId: ids[i], forcedPseudoClasses: states });
          const p = await probe(page, TARGETS, i);
          const ratio = contrast(p);
          checked++;
          if (ratio < 4.5) bad.push(`${path} "${p.text}" [${states.join('+') || 'default'}]: ${ratio.toFixed(2)}:1 (${p.fg} on ${p.bgs.find((c) => parse(c)[3] > 0) ?? 'white'})`);
        }
        await cdp.send('CSS.forcePseudoState', { nodeId: ids[i], forcedPseudoClasses: [] });
      }
    }
    assert.ok(checked > 100, `checked ${checked} element states`);
    assert.deepEqual(bad, []);
  }));

test('on a touch screen (hover: none) the tapped current-page link keeps its colours', { timeout: 120_000 }, async () => {
  const server = await startServer();
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(server.tokenUrl);
    await page.waitForURL(/\/(setup|screening)$/);
    await setUpPerson(page, 'Tap');
    await page.goto(server.base + '/');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'hover', value: 'none' }, { name: 'pointer', value: 'coarse' }] });
    assert.equal(await page.evaluate(() => matchMedia('(hover: none)').matches), true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).tap();
    await page.waitForURL(/\/plan$/);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const sel = 'nav a[aria-current="page"]';
    const [id] = await nodeIds(cdp, sel);
    const rest = await probe(page, sel, 0);
    await cdp.send('CSS.forcePseudoState', { nodeId: id, forcedPseudoClasses: ['hover'] });
    const hovered = await probe(page, sel, 0);
    assert.deepEqual({ fg: hovered.fg, bg: hovered.bgs[0] }, { fg: rest.fg, bg: rest.bgs[0] }, 'hover changes nothing on a touch screen');
    assert.ok(contrast(hovered) >= 4.5, `current link ${contrast(hovered).toFixed(2)}:1`);
  } finally {
    await browser.close();
    await server.stop();
  }
});
