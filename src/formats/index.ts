// Graph formats, in and out: one registry shared by the page's Import/Export and the executor's request.
export { FORMATS, detectFormat, formatById, readGraphText, writeGraphText } from './registry';
export { FORMAT_CODES, FormatError, type FormatCode } from './errors';
export { FORMAT_LIMITS, type FormatLimits } from './limits';
export type { FormatId, GraphFormat } from './types';
