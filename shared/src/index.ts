export * from './time';
export * from './errors';
export * from './zod-errors';
export * from './schemas/common';
export * from './schemas/auth';
