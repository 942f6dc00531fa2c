import { PAGE_TITLES } from '../../../constants/theme';
import { ReportFormPage } from '../../components/report-form';

/** FB-4: the observed branch's leaders record each half-year's progress report to the members. */
export default function BranchReportPage() {
  return <ReportFormPage kind='progress_report' title={PAGE_TITLES.branchReport} />;
}
