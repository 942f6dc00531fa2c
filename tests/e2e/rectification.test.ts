import type { Browser, Page } from 'playwright-core';
import { BASE, BUDGET_BRANCH, FIXTURES, PEOPLE, button, call, launch, phone, shot, signInAs, tokenFor } from './helpers';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await phone(browser);
});
afterAll(async () => { await browser?.close(); });

/** The row titled `title` on the page on screen (Taro's h5 keeps the pages below in the DOM, hidden). */
const cell = (title: string) => page.locator('.nut-cell')
  .filter({ visible: true, has: page.locator('.nut-cell-title', { hasText: new RegExp(`^\\s*${title}\\s*$`) }) }).first();

/** Taro's h5 picker: open it from its row and take what it shows (the first option, or today). */
async function pick(row: string): Promise<void> {
  await cell(row).click();
  await page.locator('.weui-picker__action').filter({ visible: true, hasText: '确定' }).click();
}

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

type Items = { items: { id: string; title: string; ownerPersonId: string; ownerName: string; status: string; evidenceIds: string[] }[] };

describe('branch journeys', () => {
  it('the secretary plans a meeting from 支部工作台; 提醒我 in the browser says it is WeChat only (MTG-*, D9)', async () => {
    await signInAs(page, PEOPLE.secretary);
    await button(page, '提醒我（到期前微信通知）').click();
    await page.getByText('到期提醒只能在微信小程序中开启').waitFor();
    await shot(page, 'secretary-home');

    await cell('支部工作台').click();
    await cell('新建会议').click();
    await button(page, '保存会议').click();
    await page.getByText('请填写会议主题').waitFor();
    await page.locator('.meeting-new__topic input').fill('支部党员大会：研究发展党员工作');
    await page.locator('.meeting-new__place input').fill('预算科三楼会议室');
    await button(page, '保存会议').click();
    // Saved: the meeting page opens with what was entered.
    await page.getByText('支部党员大会：研究发展党员工作').first().waitFor();
    await page.getByText('预算科三楼会议室', { exact: true }).waitFor();

    const secretary = await tokenFor(PEOPLE.secretary.id);
    const listed = await call<{ items: { topic: string; kind: string; place: string }[] }>(secretary, 'GET', `/api/meetings?orgId=${BUDGET_BRANCH}&limit=100`);
    expect(listed.json.items.filter((m) => m.topic === '支部党员大会：研究发展党员工作').map((m) => [m.kind, m.place]))
      .toStrictEqual([['general_meeting', '预算科三楼会议室']]);
    await shot(page, 'secretary-meeting-created');
  });

  it('feedback → committee discussion with an item → evidence → sent back with a reason the owner sees → again with a photo → closed (FB-1, FB-2, D2)', async () => {
    // The group's side through the API: the observer's sheet and the written feedback.
    const observer = await tokenFor(PEOPLE.observer.id);
    const sheet = await call(observer, 'POST', `/api/observations/${FIXTURES.rectificationObservation}/sheets`, {
      scores: { leadership: 18, quality: 15, outcome: 12 },
      texts: { strengths: '学习组织有序', shortcomings: '讨论不够深入', suggestions: '提前布置发言题目' },
    });
    expect(sheet.status).toBe(201);
    const sent = await call(observer, 'POST', `/api/feedback/${FIXTURES.rectificationObservation}`, {
      evaluation: '会议组织规范，主题鲜明；联系业务实际的讨论还不够深入。', suggestions: '下次安排专题研讨。',
    });
    expect(sent.status).toBe(201);

    // The secretary reads it from 我的待办 and records the committee's discussion with one item.
    await signInAs(page, PEOPLE.secretary);
    await page.locator('.home-task--feedback', { hasText: '主题党日：重温入党誓词' }).click();
    await page.getByText('会议组织规范，主题鲜明；联系业务实际的讨论还不够深入。').waitFor();
    await shot(page, 'secretary-feedback');
    await button(page, '登记支委会研究情况和整改事项').click();
    await page.locator('.discussion-summary textarea').fill('支委会逐条研究观察小组反馈意见，明确整改责任人和时限。');
    await page.locator('.discussion-item__title input').fill('每次学习前布置发言题目');
    await pick('责任人');
    await pick('完成期限');
    await button(page, '保存研究情况和整改事项').click();
    await page.locator('.rectification-item', { hasText: '每次学习前布置发言题目' }).getByText('待整改').waitFor();

    const secretary = await tokenFor(PEOPLE.secretary.id);
    const { json } = await call<Items>(secretary, 'GET', `/api/rectifications?observationId=${FIXTURES.rectificationObservation}`);
    const item = json.items.find((i) => i.title === '每次学习前布置发言题目')!;
    expect(item.status).toBe('open');
    const owner = { id: item.ownerPersonId, name: item.ownerName };

    // The owner hands in what was done.
    await signInAs(page, owner);
    await page.locator('.home-task--rectification', { hasText: '每次学习前布置发言题目' }).click();
    await page.locator('.item-evidence textarea').fill('3月起每次学习前一周在支部群布置发言题目。');
    await button(page, '提交整改材料').click();
    await page.getByText('已提交整改材料，等待观察小组或机关党委办核验').waitFor();

    // The observer sends it back with a reason.
    await signInAs(page, PEOPLE.observer);
    await page.locator('.home-task--verify', { hasText: '每次学习前布置发言题目' }).click();
    await button(page, '退回重新整改').click();
    await page.getByText('退回须说明理由，便于支部重新整改').waitFor();
    await page.locator('.item-reason textarea').fill('请附上布置发言题目的记录截图');
    await button(page, '退回重新整改').click();
    await page.getByText('已退回，支部会看到退回理由').waitFor();

    // The owner sees the reason on 我的待办 and on the item, with every step of the loop.
    await signInAs(page, owner);
    await page.locator('.home-task--rectification', { hasText: '被退回：请附上布置发言题目的记录截图' }).waitFor();
    await page.goto(`${BASE}/#/pkg-branch/pages/item/index?observationId=${FIXTURES.rectificationObservation}&itemId=${item.id}`);
    await page.getByText('退回理由：请附上布置发言题目的记录截图').waitFor();
    await page.getByText(/退回：请附上布置发言题目的记录截图$/).waitFor();
    await shot(page, 'rectification-returned');

    // The secretary hands it in again with a photo (uploaded to the observed meeting's evidence, D2) …
    await signInAs(page, PEOPLE.secretary);
    await page.goto(`${BASE}/#/pkg-branch/pages/item/index?observationId=${FIXTURES.rectificationObservation}&itemId=${item.id}`);
    const chooser = page.waitForEvent('filechooser');
    await button(page, '添加照片（会议记录、现场照片）').click();
    await (await chooser).setFiles({ name: '布置发言题目.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('照片已上传，提交时一并附上').waitFor();
    await page.locator('.item-evidence textarea').fill('附3月支部群布置发言题目的截图。');
    await button(page, '提交整改材料').click();
    await page.getByText('已提交整改材料，等待观察小组或机关党委办核验').waitFor();
    const resubmitted = (await call<Items>(secretary, 'GET', `/api/rectifications?observationId=${FIXTURES.rectificationObservation}`))
      .json.items.find((i) => i.id === item.id)!;
    expect([resubmitted.status, resubmitted.evidenceIds.length]).toStrictEqual(['submitted', 1]);

    // … and the observer closes it.
    await signInAs(page, PEOPLE.observer);
    await page.locator('.home-task--verify', { hasText: '每次学习前布置发言题目' }).click();
    await page.getByText('佐证照片').waitFor();
    await button(page, '核验通过，销号').click();
    await page.getByText('已核验销号').waitFor();
    await page.getByText(/核验通过，销号$/).waitFor();
  });

  it('a member reads their attendance history and the items they own (FB-4, ATT-1)', async () => {
    await signInAs(page, PEOPLE.member);
    await cell('我的参会与整改').click();
    await page.getByText('参会记录').waitFor();
    await page.getByText(/^\d{4}年：出席 \d+ 次 · 补录 \d+ 次 · 请假 \d+ 次 · 缺席 \d+ 次$/).waitFor();
    await page.locator('.history-meeting').first().waitFor();
    await shot(page, 'member-history');
  });
});
