// The API's one source of "now" (rules take it as a parameter, STYLE 1). Tests pin it with setClock.
let fixed: Date | undefined;

export function now(): Date {
  return fixed ? new Date(fixed) : new Date();
}

export function setClock(instant: Date | string | undefined): void {
  fixed = instant === undefined ? undefined : new Date(instant);
}
