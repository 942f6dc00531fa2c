// Browser journeys: Debian's Chromium driven by playwright-core against the server scripts/e2e.sh started.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const BASE = (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
export const SCREENSHOTS = join(__dirname, 'screenshots');

/** Demo people (scripts/seed/demo-logins.ts) and the fixtures of scripts/e2e-fixtures.sql. */
export const PEOPLE = {
  secretary: { id: '7a3ec636-b680-4177-8476-123e9841449e', name: '杨霞文' },
  member: { id: '82dbeab2-1018-4f26-9b8d-9ca02c08a54f', name: '苏彤梦' },
  observer: { id: 'acd5db04-2225-4583-97fe-79117c119a13', name: '刘磊峰' },
  office: { id: 'd0037155-dbeb-4478-876e-73a194c050d7', name: '崔悦佳' },
} as const;
export const BUDGET_BRANCH = '0da01a68-3bfe-4ee6-8ac0-575038a32908';
export const FIXTURES = {
  observedMeeting: 'e2e00000-0000-4000-8000-000000000001',
  observation: 'e2e00000-0000-4000-8000-000000000002',
  generalMeeting: 'e2e00000-0000-4000-8000-000000000003',
  /** The feedback-and-rectification journey's own observation (held yesterday). */
  rectificationObservation: 'e2e00000-0000-4000-8000-000000000005',
} as const;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A phone-sized page in Chinese. */
export async function phone(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(20000);
  return page;
}

/** A desktop-sized page in Chinese: the office uses the h5 build as its admin web view. */
export async function desktop(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(20000);
  return page;
}

/** The 演示登录 on the login page, as a person would do it; lands on 我的待办. */
export async function loginAs(page: Page, name: string): Promise<void> {
  await page.goto(`${BASE}/#/pages/login/index`);
  await page.locator('.nut-cell', { hasText: name }).first().click();
  await page.getByText(`${name}，您好`).waitFor();
}

/**
 * Signs in someone the login page does not list (it shows a few demo people only): the token from the
 * dev login, kept where the app keeps it (Taro's h5 storage wraps values as {data}).
 */
export async function signInAs(page: Page, person: { id: string; name: string }): Promise<void> {
  const { json } = await call<{ token: string; expiresAt: string }>(null, 'POST', '/api/auth/dev-login', { personId: person.id });
  await page.goto(`${BASE}/#/pages/login/index`);
  const stored = JSON.stringify({ data: { token: json.token, expiresAt: json.expiresAt } });
  await page.evaluate(`localStorage.setItem('tingkan.session', ${JSON.stringify(stored)})`);
  await page.goto(`${BASE}/#/pages/home/index`);
  await page.reload();
  await page.getByText(`${person.name}，您好`).waitFor();
}

/** A NutUI button by its exact text (Taro h5 renders web components: click the host element). */
export function button(page: Page, text: string): Locator {
  return page.locator('.nut-button', { hasText: new RegExp(`^\\s*${text}\\s*$`) }).first();
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The public API, as a script would call it. */
export async function call<T = unknown>(token: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

export async function tokenFor(personId: string): Promise<string> {
  const { status, json } = await call<{ token: string }>(null, 'POST', '/api/auth/dev-login', { personId });
  if (status !== 200) throw new Error(`dev-login ${personId}: ${status} ${JSON.stringify(json)}`);
  return json.token;
}

/** The h5 path of a check-in link the API gives (its origin is the server's own). */
export function pathOf(url: string): string {
  return url.slice(url.indexOf('/#/'));
}
