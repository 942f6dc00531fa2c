import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TObservationDetail } from '../../services/schemas';
import { Button, Cell, CellGroup } from '../../components/ui';
import { formatDateZh, formatInstantZh, formatTimeZh } from '../../components/format';
import { OBSERVATION_MODE_ZH } from '../../constants/labels';
import { ROUTE_TO } from '../../constants/routes';

/** An assigned observer's part: the branch's plan (OBS-5), the group, and the way to notes and the sheet. */
export function ObserverPanel({ observation: o, myId }: { observation: TObservationDetail; myId: string }) {
  const me = o.group.find((g) => g.personId === myId);
  return (
    <View className='page-section'>
      <CellGroup title={`${OBSERVATION_MODE_ZH[o.mode]}任务`}>
        <Cell title='我的签到' extra={me?.checkedInAt ? `已签到（${formatTimeZh(me.checkedInAt)}）` : '未签到'} />
        {o.plan ? (
          <>
            <Cell title='组织方案' description={o.plan.content} />
            <Cell title='议程' description={o.plan.agenda.map((a, i) => `${i + 1}. ${a}`).join('\n')} />
            <Cell title='主持人' extra={o.plan.host} />
            <Cell title='时间地点' description={`${formatInstantZh(o.plan.time)} · ${o.plan.place}`} />
          </>
        ) : (
          <Cell
            title='组织方案'
            description={o.planDueDate ? `被观摩支部尚未提交方案（应于 ${formatDateZh(o.planDueDate)} 前提交）` : '被观摩支部尚未提交方案'}
          />
        )}
      </CellGroup>
      <CellGroup title='观察小组'>
        {o.group.map((g) => (
          <Cell key={g.personId} title={`${g.name}${g.isLeader ? '（组长）' : ''}`} extra={g.checkedInAt ? `已签到 ${formatTimeZh(g.checkedInAt)}` : '未签到'} />
        ))}
      </CellGroup>
      <View className='page-actions meeting-actions'>
        <Button type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: ROUTE_TO.notes(o.id) })}>写观察记录</Button>
        <Button size='large' block onClick={() => void Taro.navigateTo({ url: ROUTE_TO.score(o.id) })}>填写评分表</Button>
      </View>
      <Text className='page-hint'>观察记录会自动保存；没有网络时先保存在手机上，联网后自动上传。</Text>
    </View>
  );
}
