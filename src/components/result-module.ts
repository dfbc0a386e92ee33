// The result functions the browser loads on demand (they carry the full zod), with zod set to
// run without eval first. Import this module dynamically, never statically.
import './zod-jitless.ts';

export { createResult, decodeResultLink, encodeResultLink, parseResultFile, resultFileText, rollUp } from '../lib/assessment-result.ts';
