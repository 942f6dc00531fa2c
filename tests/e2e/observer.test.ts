import type { Browser, Page } from 'playwright-core';
import { BASE, FIXTURES, PEOPLE, button, call, launch, loginAs, pathOf, phone, shot, tokenFor } from './helpers';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await phone(browser);
});
afterAll(async () => { await browser?.close(); });

describe('observer journey', () => {
  it('the observer checks in with the rotating code, writes 两听两看 notes and submits a score sheet', async () => {
    await loginAs(page, PEOPLE.observer.name);
    // 我的待办 lists the observation with its date.
    await page.locator('.home-task--observation', { hasText: '主题党日：学习党章党规' }).waitFor();

    // The host's current code, as the screen in the room shows it; the h5 link form checks in on open.
    const secretary = await tokenFor(PEOPLE.secretary.id);
    const qr = await call<{ url: string }>(secretary, 'GET', `/api/checkins/qr?meetingId=${FIXTURES.observedMeeting}`);
    expect(qr.status).toBe(200);
    await page.goto(`${BASE}${pathOf(qr.json.url)}`);
    await page.getByText('签到成功').waitFor();

    // Opening the same link again is a clear 已签到, not an error (D6).
    await page.goto(`${BASE}${pathOf(qr.json.url)}`);
    await page.reload();
    await page.getByText(/已签到（\d{2}:\d{2}）/).waitFor();

    await button(page, '查看会议').click();
    await page.getByText('观察小组').waitFor();
    await page.getByText('围绕党章第一章开展集中学习').first().waitFor();
    await button(page, '写观察记录').click();

    await page.getByText('一听：会议主题和内容').waitFor();
    await page.locator('.notes-topicContent textarea').fill('主题鲜明，紧扣党章学习，内容贴近科室工作实际。');
    await page.locator('.notes-speechQuality textarea').fill('发言人结合岗位谈体会，有具体事例。');
    await page.locator('.notes-conduct textarea').fill('程序完整，按时开会，无迟到早退。');
    await page.locator('.notes-satisfaction textarea').fill('党员普遍认为收获较大。');
    await page.locator('.notes-facts-attendees textarea').fill('应到 9 人，实到 8 人');
    await page.getByText(/已保存（\d{2}:\d{2}）/).waitFor({ timeout: 15000 });

    // The network drops: the draft stays on the phone and goes out when the network returns.
    await page.context().setOffline(true);
    await page.locator('.notes-facts-discussion textarea').fill('讨论热烈，提出三条改进建议。');
    await page.getByText('离线保存：已存在手机上，联网后自动上传').waitFor({ timeout: 15000 });
    await page.context().setOffline(false);
    await page.getByText(/已保存（\d{2}:\d{2}）/).waitFor({ timeout: 15000 });

    const observer = await tokenFor(PEOPLE.observer.id);
    const notes = await call<{ notes: { authorId: string; topicContent: string; facts: { attendees: string } }[] }>(
      observer, 'GET', `/api/observations/${FIXTURES.observation}/notes`);
    const mine = notes.json.notes.find((n) => n.authorId === PEOPLE.observer.id);
    expect(mine?.topicContent).toBe('主题鲜明，紧扣党章学习，内容贴近科室工作实际。');
    expect(mine?.facts).toStrictEqual({ topic: '', attendees: '应到 9 人，实到 8 人', format: '', discussion: '讨论热烈，提出三条改进建议。' });

    await button(page, '去填写评分表').click();
    await page.getByText('“三会一课”观察评价表').waitFor();
    for (const [key, score] of [['leadership', '18'], ['quality', '12'], ['outcome', '7']] as const) {
      const input = page.locator(`.score-criterion--${key} input`);
      await input.fill(score);
      await input.blur();
    }
    // The band shows as they score (SCORE-1).
    await page.locator('.score-criterion--leadership .score-band', { hasText: /^好$/ }).waitFor();
    await page.locator('.score-criterion--quality .score-band', { hasText: /^较好$/ }).waitFor();
    await page.locator('.score-criterion--outcome .score-band', { hasText: /^一般$/ }).waitFor();
    await page.locator('.score-text-strengths textarea').fill('学习组织有序，党员参与度高。');
    await page.locator('.score-text-shortcomings textarea').fill('联系业务实际的讨论还不够深入。');
    await page.locator('.score-text-suggestions textarea').fill('下次可安排专题研讨，提前布置发言题目。');
    await button(page, '核对评分').click();
    await page.getByText('请核对后提交').waitFor();
    await page.getByText('评分（总分 37/60）').waitFor();
    await button(page, '确认提交').click();

    await page.getByText('评分表已提交').waitFor();
    // One observer in the group: the group result is there at once (SCORE-3).
    await page.getByText('小组评分结果（1 人）').waitFor();
    await shot(page, 'observer-sheet-submitted');
  });
});
