import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TObservationList } from '../../../services/branch-schemas';
import { PageShell } from '../../../components/page-shell';
import { usePageData } from '../../../components/use-page-data';
import { ErrorBlock, LoadingBlock } from '../../../components/status-block';
import { Cell, CellGroup } from '../../../components/ui';
import { todayInShanghai } from '../../../components/format';
import { BRANCH_ROUTE_TO } from '../../../constants/routes';
import { PAGE_TITLES } from '../../../constants/theme';
import { fetchMe } from '../../../services/auth';
import { listBranchObservations } from '../../../services/branch';
import { ledBranches, observationLine, type LedBranch } from '../../logic/workbench-logic';
import '../../components/branch.scss';

type Loaded = { year: number; branches: { branch: LedBranch; observations: TObservationList | null }[] };

/** The 书记's or 副书记's start: plan meetings, file the yearly plan, and each observation's work (OBS-5, FB-1, FB-2). */
export default function WorkbenchPage() {
  const { data, error, reload } = usePageData<Loaded>(async () => {
    const year = Number(todayInShanghai(Date.now()).slice(0, 4));
    const branches = ledBranches(await fetchMe());
    // One branch's list failing leaves the others usable.
    const lists = await Promise.all(branches.map((b) => listBranchObservations(b.orgId, year).catch(() => null)));
    return { year, branches: branches.map((branch, i) => ({ branch, observations: lists[i] ?? null })) };
  }, { refreshOnShow: true });

  const title = PAGE_TITLES.branchWorkbench;
  if (error) return <PageShell title={title}><ErrorBlock message={error} onRetry={() => void reload()} /></PageShell>;
  if (!data) return <PageShell title={title}><LoadingBlock /></PageShell>;
  if (data.branches.length === 0) {
    return (
      <PageShell title={title}>
        <Text className='page-hint'>支部工作台供党支部书记、副书记使用。如果您担任书记或副书记但看到这条提示，请联系机关党委办核对您的职务。</Text>
      </PageShell>
    );
  }

  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <PageShell title={title}>
      {data.branches.map(({ branch, observations }) => (
        <View key={branch.orgId} className='page-section'>
          <Text className='page-title'>{branch.orgName}</Text>
          <CellGroup>
            <Cell title='新建会议' description='党员大会、支委会、党课、主题党日等' clickable extra='新建' onClick={() => go(BRANCH_ROUTE_TO.meetingNew(branch.orgId))} />
            <Cell title={`报送${data.year}年度组织生活计划`} clickable extra='填写' onClick={() => go(BRANCH_ROUTE_TO.yearlyPlan(branch.orgId))} />
          </CellGroup>
          <CellGroup title={`${data.year}年的巡听、旁听和观摩`}>
            {observations === null && <Cell title='观摩安排暂时无法加载' description='请返回后重新进入本页。' />}
            {observations?.items.length === 0 && <Cell title='今年还没有安排观摩' description='机关党委办安排后会列在这里，需要提交的方案和整改也会出现在“我的待办”。' />}
            {observations?.items.map((o) => {
              const line = observationLine(o);
              return (
                <Cell key={o.id} className={`branch-multiline${line.todo ? ' branch-urgent' : ''}`} title={line.title} description={line.description}
                  clickable extra='查看' onClick={() => go(BRANCH_ROUTE_TO.rectification(o.id))} />
              );
            })}
          </CellGroup>
        </View>
      ))}
    </PageShell>
  );
}
