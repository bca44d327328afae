// Test harness: starts a real `fascia serve` on a fresh database for each
// test, launches Debian's Chromium through playwright-core, and collects CSP
// violations and page errors so a test can fail on them. No API mocks.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(WEB_DIR, 'dist');
export const RESULTS = join(WEB_DIR, 'test-results');
export const FASCIA_BIN = resolve(WEB_DIR, process.env.FASCIA_BIN ?? '../build/default/fascia');
export const TODAY = '2026-11-23';

/** A neck-and-trap home program from TODAY (Monday, Wednesday, Friday; pressure ceiling 4/10), as POST /clients/{id}/programs takes it. */
export const NECK_PROGRAM = {
  start: TODAY,
  weeks: 6,
  review: '2026-12-21',
  weekdays: [0, 2, 4],
  items: [{ protocol: 'neck-trap-iastm', target: { region: 'upper-trapezius', side: 'both' }, max_pressure: 4 }],
};

export interface Server {
  base: string;
  tokenUrl: string;
  db: string;
  dir: string;
  proc: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `fascia serve` on a fresh database; `today` replaces TODAY as the server's date (a later day, for the week-4 review). */
export async function startServer(opts: { today?: string } = {}): Promise<Server> {
  if (!existsSync(FASCIA_BIN)) throw new Error(`fascia binary not found at ${FASCIA_BIN}; set FASCIA_BIN`);
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`no built app in ${DIST}; run npm run build`);
  const dir = mkdtempSync(join(tmpdir(), 'fascia-web-'));
  const db = join(dir, 'f.db');
  const proc = spawn(FASCIA_BIN, ['serve', '--port', '0', '--db', db, '--today', opts.today ?? TODAY, '--web', DIST], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const tokenUrl = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error('fascia serve printed no login URL within 20 s:\n' + out)), 20000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/[^\s/]+\/login\?token=[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`fascia serve exited with ${code}:\n${out}`));
    });
  });
  const base = new URL(tokenUrl).origin;
  return {
    base,
    tokenUrl,
    db,
    dir,
    proc,
    output: () => out,
    stop: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a terminal command of fascia on the server's database (with `stdin` as its input, if any); resolves with its standard output. */
export async function runFascia(server: Server, args: string[], stdin = ''): Promise<string> {
  const proc = spawn(FASCIA_BIN, [...args, '--db', server.db], { stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c));
  proc.stderr!.on('data', (c: Buffer) => (err += c));
  if (stdin) {
    proc.stdin!.on('error', () => {}); // a command that exits without reading: its exit code tells
    proc.stdin!.end(stdin);
  }
  const code = await new Promise<number | null>((r) => proc.on('exit', r));
  if (code !== 0) throw new Error(`fascia ${args.join(' ')} failed (${code}): ${out}${err}`);
  return out;
}

/**
 * Creates another account with `fascia user add NAME --password-stdin`; with
 * `role` ('practitioner' or 'admin') and `clinic`, a clinic's account; with
 * `takeTerminalJournal`, a person's account that owns what the one-time link's
 * person (person 1) already entered.
 */
export async function addUser(
  server: Server,
  name: string,
  password: string,
  opts: { role?: 'person' | 'practitioner' | 'admin'; clinic?: number; takeTerminalJournal?: boolean } = {},
): Promise<void> {
  const args = ['user', 'add', name, '--password-stdin'];
  if (opts.takeTerminalJournal) args.push('--take-terminal-journal');
  if (opts.role) args.push('--role', opts.role);
  if (opts.clinic !== undefined) args.push('--clinic', String(opts.clinic));
  await runFascia(server, args, password + '\n');
}

/** Creates a clinic with `fascia clinic add NAME --json`; resolves with its id. */
export async function addClinic(server: Server, name: string): Promise<number> {
  const out = await runFascia(server, ['clinic', 'add', name, '--json']);
  const id = (JSON.parse(out) as { id: number }).id;
  if (!Number.isInteger(id)) throw new Error('fascia clinic add printed no id: ' + out);
  return id;
}

/**
 * A clinic with one practitioner, and the person accounts named; each account's
 * password is "<name> password 1". Resolves with the clinic's id.
 */
export async function setUpClinic(
  server: Server,
  clinic: string,
  practitioner: string,
  persons: string[],
): Promise<number> {
  for (const name of persons) await addUser(server, name, passwordOf(name));
  const id = await addClinic(server, clinic);
  await addUser(server, practitioner, passwordOf(practitioner), { role: 'practitioner', clinic: id });
  return id;
}

/**
 * Links `client` with the practitioner signed in on `practitioner` through the
 * API (an invitation, accepted sharing every part); resolves with the
 * client's person id, for the address of their page (/clients/{id}).
 */
export async function linkClient(practitioner: Page, client: Page): Promise<number> {
  const invitation = await apiCall<{ code: string }>(practitioner, 'POST', '/invitations', {});
  const share = { journal: true, sessions: true, screening: true };
  const linked = await apiCall(client, 'POST', '/links', { code: invitation.body.code, share });
  if (linked.status !== 201) throw new Error('POST /links: ' + JSON.stringify(linked));
  return (await apiCall<{ person_id: number }>(client, 'GET', '/me')).body.person_id;
}

export interface LinkedClient {
  server: Server;
  browser: Browser;
  pat: Watched;
  client: Watched;
  /** The client's person id: their page is /clients/{clientId}. */
  clientId: number;
  /** Every page whose problems are checked at the end; push any page opened later. */
  open: Watched[];
}

/**
 * A fresh server and browser with the clinic North Physio, its practitioner
 * pat and the person `client` (set up by signIn), linked sharing every part
 * (linkClient), both signed in. When `body` ends the pages in `open` must have
 * seen no CSP violation or page error; the browser and server are closed
 * whether it passed or failed.
 */
export async function withLinkedClient(
  client: string,
  viewports: { pat: { width: number; height: number }; client: { width: number; height: number } },
  body: (l: LinkedClient) => Promise<void>,
): Promise<void> {
  const server = await startServer();
  const browser = await launch();
  try {
    await setUpClinic(server, 'North Physio', 'pat', [client]);
    const pat = await signIn(browser, server, 'pat', viewports.pat, 'practitioner');
    const person = await signIn(browser, server, client, viewports.client, 'new person');
    const open = [pat, person];
    const clientId = await linkClient(pat.page, person.page);
    await body({ server, browser, pat, client: person, clientId, open });
    for (const w of open) assert.deepEqual(w.problems, [], 'CSP violations or page errors');
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The password setUpClinic gives an account. */
export function passwordOf(name: string): string {
  return `${name} password 1`;
}

/** Logs in through the log-in page as `name`. */
export async function logIn(page: Page, server: Server, name: string, password: string): Promise<void> {
  await page.goto(server.base + '/');
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText(`Logged in as ${name}`).waitFor();
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** CSP violations, uncaught page errors and console errors seen so far. */
  problems: string[];
}

/** A new context and page that records CSP violations and page errors. */
export async function newPage(browser: Browser, opts: { width?: number; height?: number } = {}): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1100, height: opts.height ?? 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => {
    const t = m.text();
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(t)) problems.push('console: ' + t);
    if (/Content Security Policy|Refused to/.test(t)) problems.push('CSP: ' + t);
  });
  page.setDefaultTimeout(15000);
  return { context, page, problems };
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, name + '.png'), fullPage: true });
}

/** Calls the API from inside the page (same origin, the page's cookie). */
export async function apiCall<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const r = await fetch('/api/v1' + path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
      return { status: r.status, body: parsed as never };
    },
    { method, path, body },
  );
}

interface Question {
  id: string;
  kind: string;
}

/** Profile and an all-"no" screening through the API, for tests that start later in the flow. */
export async function setUpPerson(page: Page, name: string): Promise<void> {
  const prof = await apiCall(page, 'PUT', '/profile', {
    name,
    regions: [{ region: 'upper-trapezius', side: 'both', pain: 6 }],
    tools: ['starter-kit'],
    weekdays: [0, 2, 4],
    minutes_per_session: 20,
  });
  if (prof.status !== 200) throw new Error('PUT /profile: ' + JSON.stringify(prof));
  const qs = await apiCall<Question[]>(page, 'GET', '/kb/questions');
  const answers: Record<string, { yes: boolean; regions?: { region: string; side: string }[] }> = {};
  for (const q of qs.body) answers[q.id] = q.kind === 'regions' ? { yes: false, regions: [] } : { yes: false };
  const scr = await apiCall(page, 'POST', '/screening', { answers });
  if (scr.status !== 201) throw new Error('POST /screening: ' + JSON.stringify(scr));
}

/**
 * A new page signed in through the log-in page as `name` (password
 * passwordOf(name)), once it has landed on `landing`: a practitioner on
 * /clients; a new person on /screening, then given a profile and an all-"no"
 * screening through the API (setUpPerson; the first run is loop.test.ts's).
 */
export async function signIn(
  browser: Browser,
  server: Server,
  name: string,
  viewport: { width: number; height: number },
  as: 'practitioner' | 'new person',
): Promise<Watched> {
  const w = await newPage(browser, viewport);
  await logIn(w.page, server, name, passwordOf(name));
  if (as === 'practitioner') await w.page.waitForURL(/\/clients$/);
  else {
    await w.page.waitForURL(/\/screening$/);
    await setUpPerson(w.page, name);
  }
  return w;
}

/** Fails on horizontal scrolling, unlabelled controls, axe findings and targets under 44 px on the page as it is now. */
export async function checkPage(page: Page, width: number, where: string): Promise<void> {
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(sw <= width, `${where}: page is ${sw}px wide at a ${width}px viewport`);
  assert.deepEqual(await unlabelledControls(page), [], `controls without a label on ${where}`);
  const violations = await axe(page, [
    'label',
    'button-name',
    'color-contrast',
    'link-name',
    'select-name',
    'heading-order',
    'aria-allowed-attr',
    'aria-required-children',
  ]);
  assert.deepEqual(violations, [], `axe on ${where}`);
  const small = await page.evaluate(() => {
    const out: string[] = [];
    document
      .querySelectorAll<HTMLElement>('main button, main input:not([type=checkbox]), main select, main label.check, main summary, nav a, nav button')
      .forEach((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) return; // not shown
        if (r.height < 43.5 || r.width < 43.5) out.push(`${el.outerHTML.slice(0, 80)}: ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
      });
    return out;
  });
  assert.deepEqual(small, [], `targets under 44 px on ${where}`);
  assert.equal(await page.locator('h1#page-title').count(), 1, `one page title on ${where}`);
}

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Runs axe-core (from node_modules) in the page and returns the violations of the given rules. */
export async function axe(page: Page, rules: string[]): Promise<{ id: string; nodes: string[] }[]> {
  const src = readFileSync(join(WEB_DIR, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // page.evaluate goes through the DevTools protocol, which the page's CSP does not block.
  await page.evaluate(src + '\n;0');
  return page.evaluate(async (ids) => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
    };
    const res = await w.axe.run(document, { runOnly: { type: 'rule', values: ids } });
    return res.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, rules);
}

/** Every visible input, select and textarea has an accessible name from a label. Returns the ones without. */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    document.querySelectorAll<HTMLElement>('input, select, textarea').forEach((el) => {
      const input = el as HTMLInputElement;
      if (input.type === 'hidden') return;
      const labelled =
        (input.labels && input.labels.length > 0 && Array.from(input.labels).some((l) => l.textContent!.trim() !== '')) ||
        !!el.getAttribute('aria-label') ||
        !!el.getAttribute('aria-labelledby');
      if (!labelled) bad.push(el.outerHTML.slice(0, 120));
    });
    return bad;
  });
}

export interface SignedIn extends Watched {
  server: Server;
}

/**
 * A fresh server and browser, signed in through the one-time link as a person
 * with a profile and an all-"no" screening (setUpPerson); both are closed
 * when `body` ends, whether it passed or failed.
 */
export async function withSignedInPerson(
  name: string,
  viewport: { width: number; height: number },
  body: (s: SignedIn) => Promise<void>,
): Promise<void> {
  const server = await startServer();
  const browser = await launch();
  try {
    const watched = await newPage(browser, viewport);
    await watched.page.goto(server.tokenUrl);
    await watched.page.waitForURL(/\/(screening|setup)$/);
    await setUpPerson(watched.page, name);
    await body({ ...watched, server });
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** From the Today page, opens the first due session and starts it. */
export async function startFirstDueSession(page: Page, server: Server): Promise<void> {
  await page.goto(server.base + '/');
  await page.getByRole('button', { name: /^Start / }).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
}

/**
 * Taps an area and side on the body map: enlarges the part of the figure that
 * holds it (going back to the whole body first if another part is enlarged),
 * then taps the area. `figure` is "areas" (regions) or "places" (pain locations).
 */
export async function pickArea(page: Page, region: string, side: string, figure = 'areas'): Promise<void> {
  const attr = figure === 'places' ? 'data-location' : 'data-region';
  const sideSel = side ? `[data-side="${side}"]` : '';
  const root = page.locator(`[data-figure="${figure}"]`);
  const target = root.locator(`[${attr}="${region}"]${sideSel}`);
  if ((await target.count()) === 0) {
    const whole = root.getByTestId(`${figure}-whole-body`);
    if (await whole.count()) await whole.click();
    await root.locator(`[data-zone][data-holds~="${region}"]`).first().click();
  }
  await target.first().click();
}
