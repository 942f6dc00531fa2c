import { useRouter } from '@tarojs/taro';
import { PAGE_TITLES } from '../../../constants/theme';
// The form kit of pkg-branch; the build copies what both subpackages use into each (optimizeMainPackage).
import { ReportFormPage } from '../../../pkg-branch/components/report-form';
import { reportKindOf } from '../../../pkg-branch/logic/report-logic';

/** FB-3: the invited committee member's report-back; FB-4: the quarterly report on members' commitments. */
export default function MemberReportPage() {
  const kind = reportKindOf(useRouter().params.kind, ['report_back', 'commitment_report'] as const, 'report_back');
  return <ReportFormPage kind={kind} title={PAGE_TITLES.memberReport} />;
}
