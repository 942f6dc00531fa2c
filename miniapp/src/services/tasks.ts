import { ZTaskList, type TTaskList } from './schemas';
import { api } from './api';

/** 我的待办 in one request (D9: the server's list is the source of truth; the phone only formats it). */
export function fetchTasks(): Promise<TTaskList> {
  return api.get('/api/tasks', ZTaskList);
}
