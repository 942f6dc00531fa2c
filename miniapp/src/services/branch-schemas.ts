// The schemas of the branch and member subpackages (pkg-branch, pkg-member). Same deep imports as
// ./schemas.ts, but a door of their own: ./schemas.ts is loaded by every main-package page, so what
// it re-exports ships in the weapp main package, which must not grow (D7). Only the subpackages and
// their services import this file, so the build keeps it out of the main package.
export * from '@tingkan/shared/src/schemas/feedback';
export * from '@tingkan/shared/src/schemas/rectification-views';
export * from '@tingkan/shared/src/schemas/report-views';
export * from '@tingkan/shared/src/schemas/my-records';
export * from '@tingkan/shared/src/schemas/branch-views';
export { ZObservationPlanResponse, type TObservationPlan, type TObservationPlanResponse, type TCreateMeetingRequest } from '@tingkan/shared/src/schemas/meetings';
export { ZPeopleList, type TPeopleList } from '@tingkan/shared/src/schemas/office';
export { ZObservationList, type TObservationList, type TObservationListItem } from '@tingkan/shared/src/schemas/office-views';
