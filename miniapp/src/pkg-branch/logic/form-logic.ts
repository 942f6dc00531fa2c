import { isApiError, errorMessageZh } from '../../services/api-error';

/** The non-empty lines of a text box, trimmed (agenda items, one per line). */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

/** A Shanghai wall-clock date and time as the instant the API expects (D9: always +08:00). */
export function instantOf(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** Something the person must fix before anything is sent; its message is already Chinese. */
export class FormProblem extends Error {}

/** The server's Chinese message and, when it names fields, what is wrong with each. */
export function submitErrorText(e: unknown): string {
  if (e instanceof FormProblem) return e.message;
  const fields = isApiError(e) ? e.fields.map((f) => f.message) : [];
  return [errorMessageZh(e), ...new Set(fields)].join('；');
}
