import { nextRectificationStatus, observationDeadlines, rectificationDoneAt, reportDueDate } from '@tingkan/shared';

describe('nextRectificationStatus (FB-2)', () => {
  it.each([
    ['open', 'submit', 'submitted'], ['returned', 'submit', 'submitted'], ['submitted', 'close', 'closed'], ['submitted', 'return', 'returned'],
  ] as const)('%s --%s--> %s (FB-2)', (from, action, to) => {
    expect(nextRectificationStatus(from, action, '理由')).toBe(to);
  });
  it.each([
    ['open', 'close'], ['open', 'return'], ['returned', 'close'], ['submitted', 'submit'], ['closed', 'submit'], ['closed', 'return'], ['closed', 'close'],
  ] as const)('%s --%s--> is refused with RECTIFICATION_TRANSITION (FB-2)', (from, action) => {
    expect(() => nextRectificationStatus(from, action, '理由')).toThrow(expect.objectContaining({ code: 'RECTIFICATION_TRANSITION' }));
  });
  it('sending back without a reason is refused with RECTIFICATION_REASON_REQUIRED (FB-2)', () => {
    expect(() => nextRectificationStatus('submitted', 'return', '  ')).toThrow(expect.objectContaining({ code: 'RECTIFICATION_REASON_REQUIRED' }));
  });
});

describe('rectificationDoneAt (FB-2)', () => {
  it('no discussion yet, or an item still open → not done; else the last of discussion and closings', () => {
    expect(rectificationDoneAt([], [])).toBeNull();
    expect(rectificationDoneAt(['2026-03-24T10:00:00+08:00'], [{ status: 'returned', closedAt: null }])).toBeNull();
    expect(rectificationDoneAt(['2026-03-24T10:00:00+08:00'], [
      { status: 'closed', closedAt: '2026-04-02T15:00:00+08:00' }, { status: 'closed', closedAt: '2026-03-30T09:00:00+08:00' },
    ])).toBe('2026-04-02T15:00:00+08:00');
  });
});

describe('reportDueDate (FB-3, FB-4)', () => {
  const rows = observationDeadlines({
    observation: { mode: 'guancha', kind: 'general_meeting', startsAt: '2026-03-13T09:00:00+08:00' },
    done: { feedback_to_branch: '2026-03-19T16:00:00+08:00' }, now: '2026-03-20T09:00:00+08:00',
  });
  it('FB-3: the report-back is due at the end of next month without a known committee date; only once', () => {
    expect(reportDueDate('report_back', 1, rows)).toBe('2026-04-30');
    expect(() => reportDueDate('report_back', 2, rows)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
  it('FB-4: progress every 6 months and commitments every quarter from the day the feedback arrived', () => {
    expect([1, 2, 3].map((n) => reportDueDate('progress_report', n, rows))).toEqual(['2026-09-19', '2027-03-19', '2027-09-19']);
    expect([1, 2, 4].map((n) => reportDueDate('commitment_report', n, rows))).toEqual(['2026-06-19', '2026-09-19', '2027-03-19']);
  });
});
