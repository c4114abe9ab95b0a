export type * from './api';
export type * from './graph';
export type * from './modules';
export type * from './run';
export type * from './trace';
export { DEFAULT_SETTINGS } from './run';
export { TRACE_VERSION } from './trace';
export type * from './messages';
export type * from './network';
