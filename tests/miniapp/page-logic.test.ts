import { RUBRICS, type TMe, type TMeeting, type TObservationDetail, type TRosterResponse } from '../../miniapp/src/services/schemas';
import { dateOfInstant, formatDateZh, formatInstantZh, formatSpanZh, todayInShanghai } from '../../miniapp/src/components/format';
import { qrMatrix, svgPath } from '../../miniapp/src/components/qr-code/matrix';
import { payloadFrom, resultHeadline } from '../../miniapp/src/pages/scan/scan-logic';
import { leaveRequest, quorumSummary, rolesAt, secondsLeft } from '../../miniapp/src/pages/meeting/meeting-logic';
import { debounce, saveStateText, withField } from '../../miniapp/src/pages/notes/notes-logic';
import { EMPTY_DRAFT } from '../../miniapp/src/services/notes';
import { bandFor, clampScore, formProblems, initialForm, toRequest, totalOf } from '../../miniapp/src/pages/score/score-logic';

const BRANCH = '0da01a68-3bfe-4ee6-8ac0-575038a32908';
const OTHER = '7931b235-4cc0-43a7-9bf6-95f1f536a197';
const ME_ID = 'acd5db04-2225-4583-97fe-79117c119a13';

function meeting(id: string, orgId: string, startsAt: string, over: Partial<TMeeting> = {}): TMeeting {
  return {
    id, orgId, orgName: '财政局预算科党支部', kind: 'theme_day', topic: `会议${id.slice(-1)}`, startsAt, endsAt: startsAt.replace('09:30', '11:30'),
    place: '三楼会议室', hostPersonId: null, hostName: null, agenda: [], status: 'planned', cancelReason: null, lecturer: null,
    decisions: [], location: null, createdAt: startsAt, updatedAt: startsAt, ...over,
  };
}
const me = (orgIds: string[], roles: TMe['memberships'][number]['roles'] = [], isOffice = false): TMe => ({
  id: ME_ID, name: '刘磊峰', isOffice, isObserver: true,
  memberships: orgIds.map((orgId) => ({ orgId, orgName: '支部', orgKind: 'branch', status: 'full', roles })),
});

describe('format (D9: format, never recompute)', () => {
  it('formats YYYY-MM-DD and +08:00 instants as Chinese dates', () => {
    expect(formatDateZh('2026-03-06')).toBe('2026年3月6日');
    expect(formatInstantZh('2026-03-06T09:30:00+08:00')).toBe('2026年3月6日 09:30');
    expect(formatSpanZh('2026-03-06T09:30:00+08:00', '2026-03-06T11:00:00+08:00')).toBe('2026年3月6日 09:30-11:00');
  });
  it('an instant in UTC is read on the Shanghai wall clock', () => {
    expect(dateOfInstant('2026-03-05T17:30:00Z')).toBe('2026-03-06');
    expect(todayInShanghai(Date.parse('2026-03-05T16:30:00Z'))).toBe('2026-03-06');
  });
});

describe('scan', () => {
  it('takes the payload from the h5 link or as pasted', () => {
    expect(payloadFrom('http://x.cn/#/pages/scan/index?qr=TK1.ab.c.sig')).toBe('TK1.ab.c.sig');
    expect(payloadFrom('  TK1.ab.c.sig \n')).toBe('TK1.ab.c.sig');
    expect(payloadFrom('   ')).toBeNull();
  });
  it('a repeat scan is 已签到 with the first time, not an error (D6)', () => {
    const r = { meetingId: ME_ID, as: 'member' as const, checkedInAt: '2026-03-06T09:31:00+08:00', messageZh: '您已于 09:31 签到，无需重复签到' };
    expect(resultHeadline({ ...r, already: true })).toStrictEqual({ title: '已签到（09:31）', detail: '您已于 09:31 签到，无需重复签到' });
    expect(resultHeadline({ ...r, already: false }).title).toBe('签到成功');
  });
});

describe('meeting', () => {
  const roster: TRosterResponse = {
    meetingId: ME_ID, kind: 'general_meeting', counts: { expected: 9, present: 5, leave: 1, absent: 0 },
    quorum: { valid: true, expected: 9, present: 5, needed: 5, reasonZh: '实到 5 人，超过应到人数的一半' },
    rows: [{ personId: ME_ID, name: '刘磊峰', status: 'full', roles: [], state: 'confirmed', method: 'confirm', checkedInAt: null, leaveCategory: null, leaveReason: null }],
    observers: [],
  };
  it('a secretary of the branch is the host; the roster row is mine', () => {
    const roles = rolesAt(me([BRANCH], ['secretary']), meeting('00000000-0000-4000-8000-000000000001', BRANCH, '2026-03-06T09:30:00+08:00'), roster, null);
    expect(roles).toStrictEqual({ isHost: true, myRow: roster.rows[0], isObserver: false });
    expect(rolesAt(me([OTHER]), meeting('00000000-0000-4000-8000-000000000001', BRANCH, '2026-03-06T09:30:00+08:00'), null, null).isHost).toBe(false);
  });
  it('the quorum line (VOTE-1)', () => {
    expect(quorumSummary(roster)).toStrictEqual({ line: '应到 9 人，实到 5 人（过半需 5 人）', valid: true, reason: '实到 5 人，超过应到人数的一半' });
  });
  it('leave needs a category and a reason (ATT-1)', () => {
    expect(leaveRequest(ME_ID, null, '生病')).toStrictEqual({ ok: false, message: '请选择请假类别：病假、事假或公假' });
    expect(leaveRequest(ME_ID, 'sick', ' 病 ')).toStrictEqual({ ok: false, message: '请写明请假事由（至少两个字）' });
    expect(leaveRequest(ME_ID, 'sick', ' 发烧就医 ')).toStrictEqual({ ok: true, body: { meetingId: ME_ID, state: 'leave', leaveCategory: 'sick', reason: '发烧就医' } });
  });
  it('the QR countdown', () => {
    expect(secondsLeft(10_500, 1_000)).toBe(10);
    expect(secondsLeft(1_000, 5_000)).toBe(0);
  });
  it('the QR code is drawn from the text on the device', () => {
    const m = qrMatrix('http://x.cn/#/pages/scan/index?qr=TK1.ab.c.sig');
    expect(m.length).toBeGreaterThanOrEqual(21);
    expect(m[0]!.slice(0, 7)).toStrictEqual([true, true, true, true, true, true, true]); // finder pattern
    expect(svgPath([[true, false], [false, true]], 4)).toBe('M4 4h1v1h-1zM5 5h1v1h-1z');
  });
});

describe('notes', () => {
  it('edits one heading or fact', () => {
    expect(withField(EMPTY_DRAFT, 'facts.attendees', '8 人').facts.attendees).toBe('8 人');
    expect(withField(EMPTY_DRAFT, 'conduct', '守时').conduct).toBe('守时');
  });
  it('says where the typing is', () => {
    expect(saveStateText({ kind: 'saved', at: '2026-03-06T09:40:00+08:00' })).toBe('已保存（09:40）');
    expect(saveStateText({ kind: 'offline' })).toBe('离线保存：已存在手机上，联网后自动上传');
  });
  it('debounces until typing pauses; flush saves now', () => {
    jest.useFakeTimers();
    const fn = jest.fn();
    const d = debounce(fn, 1000);
    d.call(); jest.advanceTimersByTime(600); d.call(); jest.advanceTimersByTime(600);
    expect(fn).not.toHaveBeenCalled();
    jest.advanceTimersByTime(400);
    expect(fn).toHaveBeenCalledTimes(1);
    d.call(); d.flush();
    expect(fn).toHaveBeenCalledTimes(2);
    jest.useRealTimers();
  });
});

describe('score sheet', () => {
  const rubric = RUBRICS.guancha_3;
  it('bands as they score: 15 → 好, 14 → 较好, 5 → 一般, 4 → 较差 (SCORE-1)', () => {
    expect([15, 14, 10, 9, 5, 4, 0].map((s) => bandFor(s, rubric))).toStrictEqual(['好', '较好', '较好', '一般', '一般', '较差', '较差']);
    expect(bandFor(null, rubric)).toBeNull();
  });
  it('clamps the stepper to 0-20', () => {
    expect([clampScore('25', 0, 20), clampScore(-1, 0, 20), clampScore('', 0, 20), clampScore('12', 0, 20)]).toStrictEqual([20, 0, null, 12]);
  });
  it('lists what is missing before review; a correction needs a reason (SCORE-3)', () => {
    const form = initialForm(rubric, null);
    expect(formProblems(rubric, form, false, '')).toStrictEqual([
      '请给“组织领导”打分', '请给“活动质量”打分', '请给“活动效果”打分', '请填写“肯定成绩”', '请填写“指出不足”', '请填写“改进意见”',
    ]);
    const full = { scores: { leadership: 18, quality: 12, outcome: 7 }, texts: { strengths: '好', shortcomings: '少', suggestions: '多' } };
    expect(formProblems(rubric, full, true, ' ')).toStrictEqual(['更正评分须说明理由']);
    expect(totalOf(full)).toBe(37);
    expect(toRequest(full, true, ' 记错了 ')).toStrictEqual({ ...full, reason: '记错了' });
    expect(toRequest(full, false, '')).toStrictEqual(full);
  });
});
