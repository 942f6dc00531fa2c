// The deployment's policy for the office endpoints (D4): the shared loader (newest stored version over the defaults).
export { currentPolicy } from '../policy';
