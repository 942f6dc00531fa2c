import type { Browser, Page } from 'playwright-core';
import { BASE, PEOPLE, button, call, desktop, launch, loginAs, shot, tokenFor } from './helpers';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await desktop(browser);
});
afterAll(async () => { await browser?.close(); });

interface Draw { id: string; seed: string; branches: { name: string }[] }

/** scripts/e2e-fixtures.sql: a 旁听 of 财政局办公室党支部, whose deputy secretary 郭博 is in the observer pool. */
const FINANCE_OFFICE_OBSERVATION = 'e2e00000-0000-4000-8000-000000000016';

describe('office journey', () => {
  it('office staff draw the yearly 旁听 sample, verify it and see the deadlines board (OBS-3, CALC-1, CALC-3)', async () => {
    await loginAs(page, PEOPLE.office.name);
    await page.locator('.nut-cell', { hasText: '机关党委办工作台' }).click();
    await page.locator('.workbench-item--sample').click();

    // Filing status first: two branches filed in the fixtures, the rest are listed as not filed (OBS-1, MTG-10).
    await page.getByText('备案报送情况').waitFor();
    await page.locator('.sample-missing').first().waitFor();
    await page.getByText(/尚未抽查。将按 35% 的比例从 13 个支部中抽取/).waitFor();

    await button(page, '抽取旁听支部').click();
    await page.getByText('抽中的支部').waitFor();
    await page.getByText('13 个支部，应抽 5 个').waitFor();
    const shown = (await page.locator('.sample-drawn__branch').allInnerTexts()).map((t) => t.trim()).sort();
    expect(shown).toHaveLength(5);

    // What the page shows is what the API recorded, seed included (CALC-1).
    const office = await tokenFor(PEOPLE.office.id);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const stored = await call<{ current: Draw[] }>(office, 'GET', `/api/samples?year=${year}`);
    expect(stored.status).toBe(200);
    const [current] = stored.json.current;
    expect(current!.branches.map((b) => b.name).sort()).toEqual(shown);
    await page.locator('.admin-fact__value', { hasText: current!.seed }).waitFor();

    // Stored with the draw, not only in the page's memory: after a reload it still says how and by whom it was drawn (CALC-1).
    await page.reload();
    await page.getByText('13 个支部，应抽 5 个').waitFor();
    await page.locator('.admin-fact__value', { hasText: PEOPLE.office.name }).waitFor();

    await button(page, '复核（重新运行）').click();
    await page.getByText('复核一致：用同一随机种子和输入重新运行，得到相同的 5 个支部。').waitFor();

    // A redraw without a reason is refused on the page, and nothing is drawn again.
    await button(page, '重新抽查').click();
    await button(page, '确认重新抽查').click();
    await page.getByText(/重新抽查须填写理由/).waitFor();
    expect((await call<{ history: Draw[] }>(office, 'GET', `/api/samples?year=${year}`)).json.history).toHaveLength(0);

    // Back to the workbench, then the deadlines board: the 旁听 held ten days ago is overdue (FB-1, CALC-3).
    await page.goBack();
    await page.locator('.workbench-item--deadlines').click();
    await page.locator('.deadlines-group--overdue', { hasText: '教育局机关第一党支部' }).waitFor();
    const overdue = page.locator('.deadline-item--overdue', { hasText: '评议表报送机关工委' });
    await overdue.waitFor();
    expect(await overdue.innerText()).toMatch(/\d{1,2}月\d{1,2}日（周[一二三四五六日]）[\s\S]*已超期[\s\S]*超期 \d+ 天/);
    await page.getByText(/已超期 [1-9]\d* 项/).waitFor();
    await shot(page, 'office');
  });

  it('a hand-made group with a member of the observed branch is refused and that member is marked (OBS-8)', async () => {
    await page.goto(`${BASE}/#/pkg-admin/pages/group/index?observationId=${FINANCE_OFFICE_OBSERVATION}`);
    await page.reload();
    await page.locator('.group-current').getByText('还没有观察小组').waitFor();
    await button(page, '手工调整').click();
    for (const name of ['郭博', '崔悦佳', '刘磊峰']) await page.locator('.group-pick', { hasText: name }).locator('.nut-checkbox').click();
    await page.getByText('手工调整（已选 3 人）').waitFor();
    await button(page, '保存小组').click();
    await page.locator('.group-refusal', { hasText: '观察人员不得观摩本人所在的支部' }).waitFor();
    await page.locator('.group-pick--conflict', { hasText: '郭博' }).getByText('不能参加：不得观摩本人所在的支部').waitFor();
    expect(await page.locator('.group-pick--conflict').count()).toBe(1);
    const office = await tokenFor(PEOPLE.office.id);
    const group = await call<{ members: unknown[] }>(office, 'GET', `/api/groups/${FINANCE_OFFICE_OBSERVATION}`);
    expect(group.json.members).toEqual([]);
  });

  it('the compliance table lists the scope\'s branches by month as the API reports them, with the year\'s coverage (CALC-4, OBS-2..4)', async () => {
    await page.goto(`${BASE}/#/pkg-admin/pages/compliance/index`);
    await page.reload();
    await page.locator('.compliance-tr', { hasText: '财政局预算科党支部' }).waitFor();
    const office = await tokenFor(PEOPLE.office.id);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const report = await call<{ total: number; coverage: { departmentsWithoutXunting: string[]; branchesNeverObserved: string[] };
      branches: { name: string; ok: boolean; absence: { flagged: unknown[] }; observed: { xunting: boolean; pangting: boolean } }[] }>(
      office, 'GET', `/api/compliance?year=${year}&limit=20&offset=0`);
    expect(report.status).toBe(200);
    const names = (await page.locator('.compliance-name__branch').allInnerTexts()).map((t) => t.trim());
    expect(names).toEqual(report.json.branches.map((b) => b.name));
    await page.getByText(`共 ${report.json.total} 个支部，本页 ${report.json.branches.length} 个`).waitFor();
    // A branch with a missed meeting or an ATT-1 flag is marked, and one not yet visited by 巡听 or 旁听 (OBS-4); the head
    // row has the branch, twelve months, ATT-1 and the visits.
    expect(await page.locator('.compliance-tr--attention').count()).toBe(report.json.branches.filter((b) => !b.ok || b.absence.flagged.length > 0).length);
    expect(await page.locator('.compliance-cell--unobserved').count()).toBe(report.json.branches.filter((b) => !b.observed.xunting && !b.observed.pangting).length);
    expect(await page.locator('.compliance-tr--head .compliance-th').count()).toBe(15);
    const { coverage } = report.json;
    await page.getByText(`${coverage.departmentsWithoutXunting.length} 个部门尚无巡听（OBS-2），${coverage.branchesNeverObserved.length} 个支部尚未被巡听或旁听（OBS-4）`).waitFor();
    await shot(page, 'office-compliance');
  });

  it('an export is a download in the browser: the observation report under its Chinese name', async () => {
    await page.goto(`${BASE}/#/pkg-admin/pages/exports/index`);
    await page.reload();
    const row = page.locator('.exports-item', { hasText: '教育局机关第一党支部' });
    await row.waitFor();
    const download = page.waitForEvent('download', { timeout: 60000 });
    await row.locator('.nut-button', { hasText: '观摩报告（可打印）' }).click();
    expect((await download).suggestedFilename()).toBe('教育局机关第一党支部观摩报告.html');
    await row.getByText('已下载“教育局机关第一党支部观摩报告.html”，请在浏览器的下载列表中打开。').waitFor();
  });
});
