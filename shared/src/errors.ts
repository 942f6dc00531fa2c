// Expected failures are codes with a Chinese message for the user (STYLE 4). HTTP status lives in api/_lib.
export const ERROR_MESSAGES_ZH = {
  // generic / request shape
  VALIDATION_FAILED: '提交的内容有误，请按提示修改后重试',
  INVALID_JSON: '请求内容不是有效的 JSON',
  UNSUPPORTED_MEDIA_TYPE: '请求格式不受支持，请以 JSON 提交',
  NOT_FOUND: '没有找到要访问的内容',
  METHOD_NOT_ALLOWED: '不支持这种请求方式',
  UNAUTHENTICATED: '请先登录',
  TOKEN_INVALID: '登录凭证无效，请重新登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '您没有权限进行此操作',
  DEV_LOGIN_DISABLED: '演示登录未开启',
  PAYLOAD_TOO_LARGE: '提交的内容太大',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '服务器开小差了，请稍后再试',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后重试',
  CONFLICT: '数据已被修改，请刷新后重试',
  // login (D3)
  WECHAT_CODE_INVALID: '微信登录凭证无效或已使用，请重新点击登录',
  WECHAT_RATE_LIMITED: '微信登录过于频繁，请稍后再试',
  WECHAT_BUSY: '微信服务繁忙，请稍后再试',
  WECHAT_UNAVAILABLE: '暂时连不上微信服务，请稍后再试',
  WECHAT_RISKY_USER: '微信判定当前账号存在风险，暂不能登录',
  INVITATION_REQUIRED: '首次登录请输入机关党委办发给您的邀请码',
  INVITATION_INVALID: '邀请码不正确或已过期，请向机关党委办确认',
  WECHAT_ALREADY_BOUND: '该邀请码对应的人员已绑定其他微信，请联系机关党委办',
  // check-in and attendance (D6, ATT-1)
  QR_MALFORMED: '这不是听看的签到码，请扫描会场展示的签到二维码',
  QR_FORGED: '签到码无效（可能被篡改），请扫描会场现场展示的二维码',
  QR_EXPIRED: '签到码已过期，请扫描会场屏幕上最新的二维码',
  QR_WRONG_MEETING: '这是另一场会议的签到码，请确认您所在的会场',
  CHECKIN_NOT_OPEN: '签到尚未开始，请在会议开始前一小时内签到',
  CHECKIN_CLOSED: '签到已结束，如确实参会请联系主持人补录',
  NOT_ON_ROSTER: '您不在本次会议的应到名单或观察小组中，如有疑问请联系主持人',
  MEETING_CANCELLED: '本次会议已取消',
  CHECKIN_LOCATION_REQUIRED: '本次会议需要核验位置，请允许获取位置后重试',
  CHECKIN_TOO_FAR: '您当前不在会场附近，无法签到；如在会场请联系主持人手工签到',
  ALREADY_PRESENT: '您已签到，不能再请假',
  NOT_HOST: '只有本支部书记、副书记或机关党委办可以进行此操作',
  VOTE_NOT_ELIGIBLE: '该人员没有表决权（预备党员和非党员不参加表决）',
  // meeting room: meetings, observation plans, notes, score sheets, evidence (MTG-*, OBS-5, OBS-7, SCORE-*, D2)
  MEETING_ALREADY_CANCELLED: '这次会议已经取消过了',
  MEETING_NOT_EDITABLE: '会议已召开或已取消，不能再修改',
  MEETING_NOT_STARTED: '会议还没有开始，不能填写会议记录',
  OBSERVATION_CANCELLED: '本次观摩已取消',
  SHEET_ALREADY_SUBMITTED: '您已提交过评分表；如需更正，请填写更正理由后重新提交',
  UPLOAD_TOKEN_INVALID: '上传凭证无效，请重新选择文件上传',
  UPLOAD_EXPIRED: '上传凭证已过期，请重新选择文件上传',
  UPLOAD_MISMATCH: '上传的文件与申请时的类型或大小不一致',
  UPLOAD_ALREADY_DONE: '这个文件已经上传过了',
  STORAGE_UNAVAILABLE: '文件存储暂时不可用，请稍后再试',
  // office: organisations, people, observer pool, imports (ORG-1..4, issue 5)
  ORG_TREE_INVALID: '组织层级不符合规定，请检查上级组织和组织类型',
  MOBILE_TAKEN: '该手机号码已登记给其他人员',
  MEMBERSHIP_EXISTS: '该人员已在这个组织中，请修改原有的组织关系',
  MEMBERSHIP_INVALID: '组织关系填写有误',
  ALREADY_OBSERVER: '该人员已在巡听旁听人员库中',
  INVITATION_NOT_NEEDED: '该人员已绑定微信，无需邀请码',
  IMPORT_REJECTED: '导入文件中有填写错误的行，未导入任何数据；请按逐行报告修改后重新导入',
  IMPORT_TOO_LARGE: '一次最多导入 5000 行，请拆分文件后分批导入',
  IMPORT_UNREADABLE: '无法读取导入文件，请使用 .xlsx 或 UTF-8 编码的 .csv 文件',
  IMPORT_COLUMNS_MISSING: '导入文件缺少必需的列，请使用模板的表头',
  // rules
  POLICY_INVALID: '制度参数设置有误',
  CALENDAR_OUT_OF_RANGE: '该日期超出节假日数据范围，无法计算工作日',
  DUPLICATE_MEMBER: '名单中有重复的人员',
  UNKNOWN_MEETING_KIND: '未知的组织生活类型',
  PERIOD_INVALID: '统计期间有误：结束早于开始',
  POOL_TOO_SMALL: '人员库中符合条件的人员不足，无法组成观察小组',
  SHEET_INVALID: '评分表填写有误',
  QUOTA_EXCEEDED: '超出评优比例限制',
  NO_OFFICE_STAFF: '人员库中没有可参加观摩的机关党委办人员',
  NO_COMMITTEE_MEMBER: '没有其他支部的支委可以受邀参加观摩',
  GROUP_SINGLE_UNIT: '观察小组成员不能全部来自同一单位',
  SHEET_REASON_REQUIRED: '更正已提交的评分表须说明理由',
  // office: plans, sampling, scheduling, compliance, results (MTG-10, OBS-1..8, CALC-1..4, SCORE-4, RATE-*)
  SAMPLE_ALREADY_DRAWN: '今年已经抽查过了；如需重新抽查，请填写理由（原抽查结果将保留）',
  CONFLICT_OF_INTEREST: '观察人员不得观摩本人所在的支部',
  OBSERVATION_EXISTS: '这场会议已经安排了观摩',
  GROUP_LOCKED: '观察小组已有人签到，不能再调整',
  NOT_IN_POOL: '所选人员不在巡听旁听人员库中或已停用',
  // feedback, rectification, reports, reminders, exports (FB-1..5, D9)
  FEEDBACK_ALREADY_SENT: '这次观摩的书面评价已经反馈过了',
  FEEDBACK_SHEETS_MISSING: '观察小组还有成员未提交评分表，暂不能反馈书面评价',
  FEEDBACK_NOT_SENT: '书面评价尚未反馈给支部，暂不能登记整改或汇报',
  RECTIFICATION_TRANSITION: '整改事项当前的状态下不能进行这一操作',
  RECTIFICATION_REASON_REQUIRED: '退回整改事项须说明理由',
  RECTIFICATION_OWNER_INVALID: '整改责任人须是被观摩支部的成员',
  REPORT_EXISTS: '这一期的汇报已经登记过了',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES_ZH;

export interface FieldIssue {
  path: string;
  message: string;
}

/** A failure the user can act on: a code, a Chinese message, and the fields at fault. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message?: string, fields?: FieldIssue[]) {
    super(message ?? ERROR_MESSAGES_ZH[code]);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'DomainError');
}
