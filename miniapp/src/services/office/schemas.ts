// The office schemas, for the office subpackage only. Same deep imports as ../schemas.ts, but a door
// of their own: ../schemas.ts is loaded by every main-package page, so anything re-exported there is
// evaluated (and shipped) in the weapp main package, which must not grow (D7). Only pkg-admin and
// services/office import this file, so the build keeps it in the subpackage.
export * from '@tingkan/shared/src/schemas/office-views';
export { ZObserverList, type TObserver, type TObserverList, type TPolicyVersion } from '@tingkan/shared/src/schemas/office';
export type { TGroupView, TSampleDraw } from '@tingkan/shared/src/schemas/office-reports';
export type { TExportKind } from '@tingkan/shared/src/schemas/feedback';
export type { TDeadlineState } from '@tingkan/shared/src/schemas/deadlines';
export type { TPolicy } from '@tingkan/shared/src/policy';
