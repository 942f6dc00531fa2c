import Taro from '@tarojs/taro';

const STORAGE_KEY = 'tingkan.session';

export interface StoredSession {
  token: string;
  /** ISO instant from the server's login answer. */
  expiresAt: string;
}

let cached: StoredSession | null | undefined;

function isStoredSession(v: unknown): v is StoredSession {
  return typeof v === 'object' && v !== null
    && typeof (v as StoredSession).token === 'string' && typeof (v as StoredSession).expiresAt === 'string';
}

function read(): StoredSession | null {
  if (cached !== undefined) return cached;
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    raw = undefined;
  }
  cached = isStoredSession(raw) ? raw : null;
  return cached;
}

/** The login token kept on the phone (or in the browser's storage for h5). */
export const session = {
  /** The token, or null when there is none or it has expired (`now` in epoch ms, for tests). */
  token(now: number = Date.now()): string | null {
    const s = read();
    if (!s) return null;
    const expires = Date.parse(s.expiresAt);
    if (Number.isFinite(expires) && expires <= now) {
      session.clear();
      return null;
    }
    return s.token;
  },

  save(s: StoredSession): void {
    cached = { token: s.token, expiresAt: s.expiresAt };
    try {
      Taro.setStorageSync(STORAGE_KEY, cached);
    } catch {
      // Storage full or unavailable: the session still lives in memory until the app closes.
    }
  },

  clear(): void {
    cached = null;
    try {
      Taro.removeStorageSync(STORAGE_KEY);
    } catch {
      // nothing to remove
    }
  },

  /** Forget the in-memory copy so the next read goes to storage (tests). */
  reset(): void {
    cached = undefined;
  },
};
