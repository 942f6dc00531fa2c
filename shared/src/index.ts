export * from './time';
export * from './errors';
export * from './zod-errors';
