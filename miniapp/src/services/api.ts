import { apiBaseUrl } from './config';
import { createHttpClient } from './http';
import { session } from './session';

/** The app's API client: same origin in h5, TARO_APP_API_BASE in weapp; a 401 forgets the token. */
export const api = createHttpClient({
  baseUrl: apiBaseUrl(),
  getToken: () => session.token(),
  onUnauthorized: () => session.clear(),
});
