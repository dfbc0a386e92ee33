// The result functions the browser loads on demand (links, files, exports, the team roll-up),
// with zod set to run without eval first: ES modules run their imports in order, so
// zod-jitless.ts runs before assessment-result.ts builds its schemas. Import this module
// dynamically, never statically.
import '../../browser/zod-jitless.ts';

export { createResult, decodeResultLink, encodeResultLink, parseResultFile, resultFileText, rollUp } from './result-format.ts';
