import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../helpers/app';
import { addOffice, insertOrg, insertPerson, twoBranches } from '../helpers/builders';

let app: TestApp;
let w: Awaited<ReturnType<typeof twoBranches>>;
const login = (personId: string) => app.login(personId);
const count = async (table: string): Promise<number> =>
  (await app.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
const counts = async () => ({ people: await count('people'), memberships: await count('memberships'), observers: await count('observer_pool') });

function csv(lines: string[][], bom = true): string {
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return Buffer.from(`${bom ? '\uFEFF' : ''}${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`).toString('base64');
}
async function importFile(kind: string, fileName: string, contentBase64: string, options: { dryRun?: boolean; as?: string } = {}) {
  return app.request('POST', `/api/imports/${kind}${options.dryRun ? '?dryRun=1' : ''}`, {
    token: await login(options.as ?? w.office), body: { fileName, contentBase64 },
  });
}

const PEOPLE_HEADER = ['序号', '姓名', '性别', '手机号码', '所在党组织', '党员状态', '职务'];
/** n good rows with distinct fresh mobiles in branch 甲. */
const peopleRows = (n: number, base: number) =>
  Array.from({ length: n }, (_, i) => [String(i + 1), `导入${base + i}`, i % 2 ? '女' : '男', `1570${String(base + i).padStart(7, '0')}`, '甲党支部', '正式党员', '']);

beforeAll(async () => {
  app = await startTestApp();
  w = await twoBranches(app.db);
});
afterAll(() => app.close());

describe('people import (issue 5, ORG-2, ORG-3)', () => {
  it('a CSV with a BOM, quotes and roles imports every row with its membership', async () => {
    const group = await insertOrg(app.db, { kind: 'party_group', name: '第一党小组', parentId: w.branchA });
    const body = csv([
      PEOPLE_HEADER,
      ['1', '王"小"明', '男', '15700000001', '甲党支部', '正式党员', '书记、委员'],
      ['2', '李丽, 二', '女', '15700000002', '甲党支部/第一党小组', '正式党员', '党小组长'],
      ['3', '赵三', '', '15700000003', '乙党支部', '入党积极分子', ''],
    ]);
    const before = await counts();
    const res = await importFile('people', '党员名册.csv', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'people', dryRun: false, rows: 3, created: { people: 3, memberships: 3, observers: 0 } });
    expect(res.body.report).toEqual([2, 3, 4].map((row) => ({ row, ok: true, errors: [] })));
    expect(await counts()).toEqual({ ...before, people: before.people + 3, memberships: before.memberships + 3 });
    const { rows } = await app.db.query(
      `select p.name, p.gender, m.org_id, m.status, m.roles::text[] as roles from people p join memberships m on m.person_id = p.id
        where p.mobile like '1570000000_' order by p.mobile`,
    );
    expect(rows).toEqual([
      { name: '王"小"明', gender: 'male', org_id: w.branchA, status: 'full', roles: ['secretary', 'committee_member'] },
      { name: '李丽, 二', gender: 'female', org_id: group, status: 'full', roles: ['group_leader'] },
      { name: '赵三', gender: null, org_id: w.branchB, status: 'activist', roles: [] },
    ]);
  });

  it('?dryRun=1 checks the file and writes nothing', async () => {
    const before = await counts();
    const res = await importFile('people', 'a.csv', csv([PEOPLE_HEADER, ...peopleRows(5, 100)]), { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, rows: 5, created: { people: 5, memberships: 5 } });
    expect(await counts()).toEqual(before);
  });

  it('one bad row among 100 writes nothing and the report names its row and column', async () => {
    const rows = peopleRows(100, 200);
    rows[56]![3] = '1234567'; // spreadsheet row 58 (header is row 1)
    const before = await counts();
    const res = await importFile('people', 'a.csv', csv([PEOPLE_HEADER, ...rows]));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IMPORT_REJECTED');
    expect(res.body.error.message).toMatch(/未导入任何数据/);
    expect(res.body.error.report).toHaveLength(100);
    expect(res.body.error.report.filter((r: { ok: boolean }) => !r.ok)).toEqual([
      { row: 58, ok: false, errors: [{ column: '手机号码', messageZh: '手机号码应为 11 位数字，以 1 开头' }] },
    ]);
    expect(res.body.error.fields).toEqual([{ path: '第58行.手机号码', message: '手机号码应为 11 位数字，以 1 开头' }]);
    expect(await counts()).toEqual(before);
  });

  it('duplicate mobiles in the file or already registered, unknown, ambiguous and out-of-scope organisations are row errors', async () => {
    const otherDept = await insertOrg(app.db, { kind: 'department_committee', name: '外局党委', parentId: w.root });
    await insertOrg(app.db, { kind: 'branch', name: '外局党支部', parentId: otherDept });
    const deptOffice = await insertPerson(app.db, { name: '本局党委办' });
    await addOffice(app.db, deptOffice, w.dept);
    await insertOrg(app.db, { kind: 'party_group', name: '第一党小组', parentId: w.branchB });
    const before = await counts();
    const res = await importFile('people', 'a.csv', csv([
      PEOPLE_HEADER,
      ['1', '甲', '男', '15800000001', '甲党支部', '正式党员', ''],
      ['2', '乙', '男', '15800000001', '甲党支部', '正式党员', ''],
      ['3', '丙', '男', '13812341234', '甲党支部', '正式党员', ''],
      ['4', '丁', '男', '15800000004', '不存在的支部', '正式党员', ''],
      ['5', '戊', '男', '15800000005', '第一党小组', '正式党员', ''],
      ['6', '己', '男', '15800000006', '外局党支部', '正式党员', ''],
      ['7', '庚', '未知', '15800000007', '甲党支部', '党员?', '书记'],
      ['8', '辛', '男', '15800000008', '甲党支部', '预备党员', '书记'],
      ['9', '', '男', '15800000009', '甲党支部', '正式党员', '党小组长'],
    ]), { as: deptOffice });
    expect(res.status).toBe(400);
    const bad = Object.fromEntries(res.body.error.report.filter((r: { ok: boolean }) => !r.ok).map((r: { row: number; errors: unknown[] }) => [r.row, r.errors]));
    expect(bad).toEqual({
      3: [{ column: '手机号码', messageZh: '与第 2 行的手机号码重复' }],
      4: [{ column: '手机号码', messageZh: '该手机号码已登记给“甲党员”，不能重复导入' }],
      5: [{ column: '所在党组织', messageZh: '找不到这个党组织，或它不在您的管理范围内' }],
      6: [{ column: '所在党组织', messageZh: '有 2 个同名组织，请写成“上级组织/第一党小组”' }],
      7: [{ column: '所在党组织', messageZh: '找不到这个党组织，或它不在您的管理范围内' }],
      8: [
        { column: '性别', messageZh: '性别应为 男 或 女' },
        { column: '党员状态', messageZh: '党员状态应为 正式党员、预备党员、入党积极分子、发展对象 或 群众' },
      ],
      9: [{ column: '职务', messageZh: '只有正式党员可以担任书记、副书记、委员或党小组长' }],
      10: [{ column: '姓名', messageZh: '必填' }],
    });
    expect(await counts()).toEqual(before);
  });

  it('a file of more than 5,000 rows is refused (IMPORT_TOO_LARGE)', async () => {
    const res = await importFile('people', 'big.csv', csv([PEOPLE_HEADER, ...peopleRows(5001, 10000)], false));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('IMPORT_TOO_LARGE');
  });

  it('a file without the form\'s columns is refused, naming the missing ones', async () => {
    const res = await importFile('people', 'a.csv', csv([['姓名', '性别'], ['张三', '男']]));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'IMPORT_COLUMNS_MISSING',
      fields: [
        { path: '表头', message: '缺少列：手机号码' },
        { path: '表头', message: '缺少列：所在党组织' },
        { path: '表头', message: '缺少列：党员状态' },
      ],
    });
  });

  it('a CSV that is not UTF-8 or a broken .xlsx is unreadable; other files are refused by name', async () => {
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0a]).toString('base64'); // "姓名" in GBK
    expect((await importFile('people', 'a.csv', gbk)).body.error.code).toBe('IMPORT_UNREADABLE');
    expect((await importFile('people', 'a.xlsx', Buffer.from('not a zip').toString('base64'))).body.error.code).toBe('IMPORT_UNREADABLE');
    const pdf = await importFile('people', 'a.pdf', 'AAAA');
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.fields).toEqual([{ path: 'fileName', message: '只支持 .xlsx 或 .csv 文件' }]);
  });

  it('a member cannot import', async () => {
    const before = await counts();
    const res = await importFile('people', 'a.csv', csv([PEOPLE_HEADER, ...peopleRows(2, 300)]), { as: w.memberA });
    expect(res.status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('observer pool import (ORG-4, 000 annex 2 人员库)', () => {
  /** The 人员库 as the form lays it out: a title, the 单位名称 line, then the table. */
  async function poolWorkbook(rows: (string | number)[][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员库');
    ws.addRow(['区级机关组织生活巡听旁听人员库']);
    ws.addRow(['单位名称：测试机关工委； 填表人：张三； 联系电话：12345']);
    ws.addRow(['序号', '姓名', '性别', '单位及职务', '手机号码', '巡听\n(旁听)']);
    rows.forEach((r) => ws.addRow(r));
    ws.addRow([String(rows.length + 1)]); // the form's numbered empty line
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }

  it('an .xlsx generated with exceljs in the form\'s shape imports people and pool entries', async () => {
    const file = await poolWorkbook([
      [1, '周观察', '男', '市财政局 办公室主任', 15900000001, '巡听'],
      [2, '吴观察', '女', '市教育局，机关党委专职副书记', '15900000002', '旁听'],
      [3, '郑观察', '女', '市卫健委 党支部书记', '15900000003', '巡听、旁听'],
    ]);
    const before = await counts();
    const res = await importFile('observers', '人员库.xlsx', file);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'observers', rows: 3, created: { people: 3, memberships: 0, observers: 3 } });
    expect(res.body.report.map((r: { row: number }) => r.row)).toEqual([4, 5, 6]);
    expect(await counts()).toEqual({ ...before, people: before.people + 3, observers: before.observers + 3 });
    const { rows } = await app.db.query(
      `select p.name, p.mobile, o.unit, o.post, o.serves_xunting, o.serves_pangting
         from observer_pool o join people p on p.id = o.person_id where p.mobile like '1590000000_' order by p.mobile`,
    );
    expect(rows).toEqual([
      { name: '周观察', mobile: '15900000001', unit: '市财政局', post: '办公室主任', serves_xunting: true, serves_pangting: false },
      { name: '吴观察', mobile: '15900000002', unit: '市教育局', post: '机关党委专职副书记', serves_xunting: false, serves_pangting: true },
      { name: '郑观察', mobile: '15900000003', unit: '市卫健委', post: '党支部书记', serves_xunting: true, serves_pangting: true },
    ]);
  });

  it('a CSV with 单位 and 职务 in two columns works too; bad rows write nothing', async () => {
    const before = await counts();
    const res = await importFile('observers', 'pool.csv', csv([
      ['姓名', '性别', '单位', '职务', '手机号码', '巡听/旁听'],
      ['钱一', '男', '市税务局', '科长', '15910000001', '旁听'],
      ['钱二', '男', '', '', '15910000002', '旁听'],
      ['钱三', '男', '市税务局', '科长', '15910000003', '观摩'],
      ['钱四', '男', '市税务局', '科长', '15900000001', '巡听'],
    ]));
    expect(res.status).toBe(400);
    const bad = res.body.error.report.filter((r: { ok: boolean }) => !r.ok);
    expect(bad).toEqual([
      { row: 3, ok: false, errors: [{ column: '单位及职务', messageZh: '请填写单位及职务，中间用空格分开（如：市财政局 办公室主任）' }] },
      { row: 4, ok: false, errors: [{ column: '巡听/旁听', messageZh: '应填“巡听”“旁听”或“巡听、旁听”' }] },
      { row: 5, ok: false, errors: [{ column: '手机号码', messageZh: '该手机号码已登记给“周观察”，不能重复导入' }] },
    ]);
    expect(await counts()).toEqual(before);
    const good = await importFile('observers', 'pool.csv', csv([
      ['姓名', '性别', '单位', '职务', '手机号码', '巡听/旁听'],
      ['钱一', '男', '市税务局', '科长', '15910000001', '均可'],
    ]));
    expect(good.status).toBe(201);
    expect(await count('observer_pool')).toBe(before.observers + 1);
  });
});
