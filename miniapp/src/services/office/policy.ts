// D4: the deployment's policy, read by anyone signed in, changed by office staff with a reason.
import { api } from '../api';
import { ZPolicyView, type TPolicyView } from './schemas';

export function fetchPolicy(): Promise<TPolicyView> {
  return api.get('/api/policy', ZPolicyView);
}

/** `value` is the whole override object (keys left out take the defaults); POLICY_INVALID names the fields at fault. */
export function savePolicy(value: Record<string, unknown>, reason: string): Promise<TPolicyView> {
  return api.put('/api/policy', ZPolicyView, { value, reason: reason.trim() });
}
