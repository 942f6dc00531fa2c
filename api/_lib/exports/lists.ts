// 备案表 (000 annex 1) and 人员库 (000 annex 2): the office's lists as the annexes lay them out.
import { at } from '@tingkan/shared';
import type { Workbook } from 'exceljs';
import type { Queryable } from '../db';
import { KIND_ZH } from './observation-facts';
import { newSheet, table } from './workbook';

export const BEIAN_HEADERS = ['序号', '基层党组织名称', '组织生活类型和主题', '时间及地点', '联系人及联系电话', '巡听\n(旁听)'];
export const RENYUANKU_HEADERS = ['序号', '姓名', '性别', '单位及职务', '手机号码', '巡听\n(旁听)'];

export async function beian(tx: Queryable, wb: Workbook, year: number): Promise<void> {
  const { rows } = await tx.query<{ org_name: string; kind: string; topic: string; planned_at: Date | string; place: string; contact_name: string; contact_phone: string; preferred_mode: string }>(
    `select o.name as org_name, c.kind, c.topic, c.planned_at, c.place, c.contact_name, c.contact_phone, c.preferred_mode
       from observation_candidates c join organisations o on o.id = c.org_id
      where c.year = $1 and c.org_id in (select app.office_org_ids()) order by o.name, c.planned_at, c.id`,
    [year],
  );
  const ws = newSheet(wb, '备案表', '区级机关组织生活巡听旁听备案表', [6, 26, 30, 30, 24, 10]);
  table(ws, BEIAN_HEADERS, rows.map((r) => [
    r.org_name, `${KIND_ZH[r.kind] ?? r.kind}：${r.topic}`, `${at(r.planned_at).format('YYYY-MM-DD HH:mm')}\n${r.place}`,
    `${r.contact_name} ${r.contact_phone}`, r.preferred_mode === 'xunting' ? '巡听' : '旁听',
  ]));
}

export async function renyuanku(tx: Queryable, wb: Workbook, filler: { name: string; mobile: string | null; unit: string }): Promise<void> {
  const { rows } = await tx.query<{ name: string; gender: string | null; unit: string; post: string; mobile: string | null; serves_xunting: boolean; serves_pangting: boolean }>(
    'select name, gender, unit, post, mobile, serves_xunting, serves_pangting from observer_pool_view where active order by unit, name, id',
  );
  const ws = newSheet(wb, '人员库', '区级机关组织生活巡听旁听人员库', [6, 12, 8, 36, 16, 12]);
  const line = ws.addRow([`单位名称：${filler.unit}； 填表人：${filler.name}； 联系电话：${filler.mobile ?? ''}`]);
  ws.mergeCells(line.number, 1, line.number, 6);
  table(ws, RENYUANKU_HEADERS, rows.map((r) => [
    r.name, r.gender === 'male' ? '男' : r.gender === 'female' ? '女' : '', `${r.unit} ${r.post}`, r.mobile ?? '',
    [r.serves_xunting ? '巡听' : '', r.serves_pangting ? '旁听' : ''].filter(Boolean).join('、'),
  ]));
}
