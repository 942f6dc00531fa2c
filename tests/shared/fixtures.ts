// Readable fixed ids for rule tests: uid(7) → 00000000-0000-4000-8000-000000000007.
export const uid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Run fn and return the DomainError code it throws (or 'NO_THROW'). */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'NO_THROW';
  } catch (e) {
    return (e as { code?: string }).code ?? 'NOT_A_DOMAIN_ERROR';
  }
}
