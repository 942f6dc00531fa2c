import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { TMotionView, TRosterResponse, TRosterRow } from '../../services/schemas';
import { Button, Cell, CellGroup, Input } from '../../components/ui';
import { ErrorBlock } from '../../components/status-block';
import { formatTimeZh } from '../../components/format';
import { ATTENDANCE_STATE_ZH, LEAVE_CATEGORY_ZH, VOTE_CHOICE_ZH } from '../../constants/labels';
import { errorMessageZh } from '../../services/api-error';
import { manualCheckIn } from '../../services/checkins';
import { createMotion, listMotions, vote } from '../../services/meetings';
import { quorumSummary } from './meeting-logic';

function rowState(r: TRosterRow): string {
  if (r.state === 'present') return `已签到 ${r.checkedInAt ? formatTimeZh(r.checkedInAt) : ''}${r.method === 'manual' ? '（手工）' : ''}`;
  if (r.state === 'leave') return `请假${r.leaveCategory ? `（${LEAVE_CATEGORY_ZH[r.leaveCategory]}）` : ''}`;
  return ATTENDANCE_STATE_ZH[r.state];
}

/** The host's part: live roster and quorum, manual check-in, motions and votes. */
export function HostPanel({ meetingId, canVote, roster, onChanged, onShowQr, cancelled }: {
  meetingId: string; canVote: boolean; roster: TRosterResponse | null; onChanged: () => void; onShowQr: () => void; cancelled: boolean;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [motions, setMotions] = useState<TMotionView[]>([]);
  const [title, setTitle] = useState('');

  useEffect(() => {
    listMotions(meetingId).then(setMotions, (e: unknown) => setError(errorMessageZh(e)));
  }, [meetingId]);

  async function act(key: string, f: () => Promise<void>): Promise<void> {
    setBusy(key);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(errorMessageZh(e));
    } finally {
      setBusy(null);
    }
  }

  const summary = roster ? quorumSummary(roster) : null;
  return (
    <View className='page-section meeting-host'>
      {!cancelled && (
        <View className='page-actions'>
          <Button type='primary' size='xlarge' block className='meeting-qr-button' onClick={onShowQr}>显示签到码</Button>
        </View>
      )}
      {error && <ErrorBlock message={error} />}
      {summary && roster && (
        <CellGroup title='实时签到（每 3 秒刷新）'>
          <Cell
            className={`meeting-quorum ${summary.valid === false ? 'is-short' : summary.valid ? 'is-ok' : ''}`}
            title={summary.line}
            description={summary.reason ?? undefined}
          />
          {roster.rows.map((r) => (
            <Cell
              key={r.personId}
              className={`meeting-roster-row meeting-roster-row--${r.state}`}
              title={r.name}
              description={rowState(r)}
              extra={r.state !== 'present' && !cancelled ? (
                <Button size='small' type='primary' fill='outline' loading={busy === r.personId} disabled={busy !== null}
                  onClick={() => void act(r.personId, async () => { await manualCheckIn(meetingId, r.personId); onChanged(); })}>
                  手工签到
                </Button>
              ) : undefined}
            />
          ))}
          {roster.observers.map((o) => (
            <Cell key={o.personId} title={`${o.name}（观察员）`} description={o.checkedInAt ? `已签到 ${formatTimeZh(o.checkedInAt)}` : '未签到'} />
          ))}
        </CellGroup>
      )}
      {canVote && (
        <CellGroup title='表决事项'>
          {motions.length === 0 && <Cell title='还没有表决事项' description='在下面输入事项后点“发起表决”，再逐人记录表决意见。' />}
          {motions.map((m) => (
            <View key={m.id} className='meeting-motion'>
              <Cell
                title={m.title}
                description={`同意 ${m.result.yes} · 不同意 ${m.result.no} · 弃权 ${m.result.abstain}（应到 ${m.result.expected}，通过需 ${m.result.needed}）`}
                extra={<Text className={m.result.passed ? 'meeting-motion__passed' : ''}>{m.result.passed ? '通过' : '未通过'}</Text>}
              />
              {roster?.rows.filter((r) => r.state === 'present').map((r) => (
                <View key={r.personId} className='meeting-vote-row'>
                  <Text className='meeting-vote-row__name'>{r.name}</Text>
                  {(['yes', 'no', 'abstain'] as const).map((c) => (
                    <Button key={c} size='small' disabled={busy !== null}
                      onClick={() => void act(`${m.id}:${r.personId}`, async () => {
                        const updated = await vote(m.id, c, r.personId);
                        setMotions((all) => all.map((x) => (x.id === updated.id ? updated : x)));
                      })}>
                      {VOTE_CHOICE_ZH[c]}
                    </Button>
                  ))}
                </View>
              ))}
            </View>
          ))}
          <View className='page-actions'>
            <Input className='meeting-motion__input' placeholder='表决事项，如：接收张三为预备党员' value={title} maxLength={200} onChange={(v: string) => setTitle(v)} />
            <Button type='primary' size='large' block disabled={busy !== null || title.trim() === ''}
              onClick={() => void act('motion', async () => { const m = await createMotion(meetingId, title.trim()); setMotions((all) => [...all, m]); setTitle(''); })}>
              发起表决
            </Button>
          </View>
        </CellGroup>
      )}
    </View>
  );
}
