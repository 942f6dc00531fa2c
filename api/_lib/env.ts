import * as z from 'zod';

// The one reader of process.env on the API side (STYLE 6): parsed once, fails fast with every bad key.
const flag = z.enum(['0', '1']).default('0').transform((v) => v === '1');

const ZEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z.url().optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(50).default(3),
    PGLITE_DIR: z.string().default('.data/pglite'),
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters'),
    JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(8 * 3600),
    DEV_LOGIN: flag,
    /** Key of the rotating check-in codes; derived from JWT_SECRET when unset. */
    QR_SECRET: z.string().min(32, 'QR_SECRET must be at least 32 characters').optional(),
    /** D2: Supabase Storage for evidence; both unset = files go to UPLOAD_DIR through /api/uploads. */
    SUPABASE_URL: z.url().optional(),
    SUPABASE_SERVICE_ROLE_KEY: z.string().min(1).optional(),
    UPLOAD_DIR: z.string().default('.data/uploads'),
    /** D9: an export larger than this many bytes goes to Storage and is answered with a signed URL (Vercel answers at most 4.5 MB). */
    EXPORT_INLINE_MAX_BYTES: z.coerce.number().int().min(1).max(4_500_000).default(4_400_000),
    WECHAT_APPID: z.string().default(''),
    WECHAT_SECRET: z.string().default(''),
    WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
    WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(30000).default(5000),
    /** D9: subscribe-message template ids (公众平台 → 订阅消息); empty = reminders stay in the in-app list only. */
    WECHAT_TEMPLATE_DEADLINE: z.string().default(''),
    WECHAT_TEMPLATE_RECTIFICATION: z.string().default(''),
    /** D9: a cron calls POST /api/reminders/run with header x-cron-secret; unset = only office staff can run it. */
    REMINDER_CRON_SECRET: z.string().min(16, 'REMINDER_CRON_SECRET must be at least 16 characters').optional(),
    /** D9: at most this many reminders per call of POST /api/reminders/run (the answer's `left` says what remains). */
    REMINDER_RUN_LIMIT: z.coerce.number().int().min(1).max(1000).default(100),
    /** D9: a call starts no new reminder after this long; with one WeChat timeout on top it must end inside maxDuration. */
    REMINDER_RUN_BUDGET_MS: z.coerce.number().int().min(0).max(60000).default(4000),
    /** Rate limits (docs/decisions/0003-rate-limits.md): attempts per window, per function instance. */
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    RATE_LIMIT_LOGIN_PER_IP: z.coerce.number().int().min(1).default(30),
    RATE_LIMIT_CHECKIN_PER_PERSON: z.coerce.number().int().min(1).default(20),
    RATE_LIMIT_CHECKIN_PER_IP: z.coerce.number().int().min(1).default(3000),
  })
  .superRefine((env, ctx) => {
    // D3: the demo login can never be switched on in production.
    if (env.NODE_ENV === 'production' && env.DEV_LOGIN) {
      ctx.addIssue({ code: 'custom', path: ['DEV_LOGIN'], message: 'DEV_LOGIN=1 is not allowed when NODE_ENV=production' });
    }
    if (env.NODE_ENV === 'production' && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'DATABASE_URL is required in production' });
    }
    // vercel.json gives every function 10 s: the last reminder may start just before the budget ends and wait a full WeChat timeout.
    if (env.NODE_ENV === 'production' && env.REMINDER_RUN_BUDGET_MS + env.WECHAT_TIMEOUT_MS > 9000) {
      ctx.addIssue({ code: 'custom', path: ['REMINDER_RUN_BUDGET_MS'], message: 'REMINDER_RUN_BUDGET_MS + WECHAT_TIMEOUT_MS must stay within 9000 ms (maxDuration is 10 s)' });
    }
  });

export type Env = z.infer<typeof ZEnv>;

export class EnvError extends Error {
  constructor(readonly keys: string[], detail: string) {
    super(`Invalid environment: ${keys.join(', ')}\n${detail}`);
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value (KEY= in .env) means unset, as in .env.example.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = ZEnv.safeParse(present);
  if (!result.success) {
    const keys = [...new Set(result.error.issues.map((i) => String(i.path[0])))];
    const detail = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new EnvError(keys, detail);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests and the local server replace the environment explicitly. */
export function setEnv(next: Env): void {
  cached = next;
}
