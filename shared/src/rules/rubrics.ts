// SCORE-1, SCORE-2: the two forms as data. A deployment picks one per observation mode (policy.rubricByMode).
import type { TRubric, TRubricId } from '../schemas/scoring';

/** SCORE-1: 好 15-20, 较好 10-14, 一般 5-9, 较差 0-4; the form's overlapping edges go to the higher band. */
const BANDS_0_20: TRubric['bands'] = [
  { band: '好', min: 15 }, { band: '较好', min: 10 }, { band: '一般', min: 5 }, { band: '较差', min: 0 },
];

export const RUBRICS: Record<TRubricId, TRubric> = {
  /** SCORE-1: 区级机关组织生活巡听旁听评议表 (000 annex 3). */
  pingyi_5: {
    id: 'pingyi_5', nameZh: '组织生活巡听旁听评议表',
    criteria: [
      { key: 'content', labelZh: '组织生活内容', min: 0, max: 20 },
      { key: 'form', labelZh: '形式', min: 0, max: 20 },
      { key: 'procedure', labelZh: '程序', min: 0, max: 20 },
      { key: 'effect', labelZh: '效果', min: 0, max: 20 },
      { key: 'innovation', labelZh: '创新', min: 0, max: 20 },
    ],
    bands: BANDS_0_20,
    texts: [{ key: 'opinion', labelZh: '评议意见', required: true }],
  },
  /**
   * SCORE-2: 观察评价表 (001) rates three areas and asks for strengths, shortcomings and advice.
   * 001 gives no scale, so the 0-20 scale and bands of SCORE-1 are reused to keep results comparable.
   */
  guancha_3: {
    id: 'guancha_3', nameZh: '“三会一课”观察评价表',
    criteria: [
      { key: 'leadership', labelZh: '组织领导', min: 0, max: 20 },
      { key: 'quality', labelZh: '活动质量', min: 0, max: 20 },
      { key: 'outcome', labelZh: '活动效果', min: 0, max: 20 },
    ],
    bands: BANDS_0_20,
    texts: [
      { key: 'strengths', labelZh: '肯定成绩', required: true },
      { key: 'shortcomings', labelZh: '指出不足', required: true },
      { key: 'suggestions', labelZh: '改进意见', required: true },
    ],
  },
};
