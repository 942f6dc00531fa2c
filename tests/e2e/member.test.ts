import type { Browser, Page } from 'playwright-core';
import { BUDGET_BRANCH, PEOPLE, button, call, launch, signInAs, phone, shot, tokenFor } from './helpers';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await phone(browser);
});
afterAll(async () => { await browser?.close(); });

/** Tomorrow's date in Shanghai, for a meeting the secretary plans through the API. */
function tomorrowInShanghai(): string {
  return new Date(Date.now() + 8 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10);
}

describe('member journey', () => {
  it('a member confirms attendance, then asks for 事假 with a reason', async () => {
    const day = tomorrowInShanghai();
    const secretary = await tokenFor(PEOPLE.secretary.id);
    const created = await call<{ meeting: { id: string } }>(secretary, 'POST', '/api/meetings', {
      orgId: BUDGET_BRANCH, kind: 'theme_day', topic: '主题党日：走进社区志愿服务',
      startsAt: `${day}T09:30:00+08:00`, endsAt: `${day}T11:30:00+08:00`, place: '幸福里社区服务中心',
      agenda: ['集合出发', '社区志愿服务', '交流体会'],
    });
    expect(created.status).toBe(201);
    const meetingId = created.json.meeting.id;

    await signInAs(page, PEOPLE.member);
    const [y, m, d] = day.split('-').map(Number);
    const task = page.locator('.home-task--meeting', { hasText: '主题党日：走进社区志愿服务' });
    await task.waitFor();
    // The date as the server sent it, formatted (D9).
    await task.getByText(`${y}年${m}月${d}日 09:30`).waitFor();
    await task.click();

    await page.getByText('幸福里社区服务中心', { exact: true }).waitFor();
    await page.getByText('未回复').waitFor();
    await button(page, '确认参会').click();
    await page.locator('.meeting-state--confirmed', { hasText: '已确认参会' }).waitFor();

    await button(page, '请假').click();
    await button(page, '事假').click();
    await page.locator('.meeting-leave__reason textarea').fill('当天需陪同家人就医');
    await button(page, '提交请假').click();
    await page.locator('.meeting-state--leave', { hasText: '已请假（事假）：当天需陪同家人就医' }).waitFor();

    const roster = await call<{ rows: { personId: string; state: string; leaveCategory: string | null; leaveReason: string | null }[] }>(
      secretary, 'GET', `/api/attendance?meetingId=${meetingId}`);
    const row = roster.json.rows.find((r) => r.personId === PEOPLE.member.id);
    expect(row).toMatchObject({ state: 'leave', leaveCategory: 'personal', leaveReason: '当天需陪同家人就医' });
    await shot(page, 'member-leave-requested');
  });
});
