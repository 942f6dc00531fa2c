import type { Browser, Page } from 'playwright-core';
import { BASE, FIXTURES, PEOPLE, button, call, launch, signInAs, phone, shot, tokenFor } from './helpers';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await phone(browser);
});
afterAll(async () => { await browser?.close(); });

type Roster = { rows: { personId: string; name: string; status: string; state: string }[]; quorum: { expected: number; present: number; needed: number } | null };

describe('secretary journey', () => {
  it('the secretary watches the quorum change live as people check in', async () => {
    const secretary = await tokenFor(PEOPLE.secretary.id);
    const before = await call<Roster>(secretary, 'GET', `/api/attendance?meetingId=${FIXTURES.generalMeeting}`);
    expect(before.status).toBe(200);
    const q0 = before.json.quorum!;

    await signInAs(page, PEOPLE.secretary);
    await page.goto(`${BASE}/#/pages/meeting/index?id=${FIXTURES.generalMeeting}`);
    await page.getByText(`应到 ${q0.expected} 人，实到 ${q0.present} 人（过半需 ${q0.needed} 人）`).waitFor();

    // The rotating code, drawn on the device.
    await button(page, '显示签到码').click();
    await page.locator('svg[data-qr]').waitFor();
    const url = await page.locator('svg[data-qr]').getAttribute('data-qr');
    expect(url).toContain('/#/pages/scan/index?qr=TK1.');
    await shot(page, 'secretary-qr');

    // A member scans it with their phone (here: the API with the code on the screen).
    const payload = decodeURIComponent(url!.split('qr=')[1]!);
    const member = await tokenFor(PEOPLE.member.id);
    const scanned = await call<{ already: boolean }>(member, 'POST', '/api/checkins', { payload });
    expect(scanned.status).toBe(200);
    await page.getByText(`应到 ${q0.expected} 人，实到 ${q0.present + 1} 人`).waitFor({ timeout: 10000 });
    await button(page, '关闭签到码').click();

    // The host checks in, by hand, enough full members for a quorum; the page follows without a reload.
    const others = before.json.rows.filter((r) => r.status === 'full' && r.state !== 'present' && r.personId !== PEOPLE.member.id)
      .slice(0, Math.max(0, q0.needed - 1));
    for (const r of others) {
      const res = await call(secretary, 'POST', '/api/checkins/manual', { meetingId: FIXTURES.generalMeeting, personId: r.personId });
      expect(res.status).toBe(200);
    }
    const present = q0.present + 1 + others.length;
    await page.getByText(`应到 ${q0.expected} 人，实到 ${present} 人（过半需 ${q0.needed} 人）`).waitFor({ timeout: 10000 });
    await page.locator('.meeting-quorum.is-ok').waitFor();
    await shot(page, 'secretary-quorum-live');
  });
});
