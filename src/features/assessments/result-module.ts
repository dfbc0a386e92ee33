// The result functions the browser loads on demand (links, files, exports, the team roll-up),
// with zod set to run without eval first: ES modules run their imports in order, so
// zod-jitless.ts runs before result-format.ts builds its schemas. Import this module
// dynamically, never statically.
import '../../browser/zod-jitless.ts';

export { createResult, decodeResultLink, encodeResultLink, parseResultLinks, readResultFile, resultFileText } from './result-format.ts';
export { MAX_RESULT_FILE_CHARS } from './result-link.ts';
export {
  assessmentChoice,
  chapterNeedText,
  fileRefusal,
  fileSource,
  leftOutText,
  linkRefusal,
  linkSource,
  moreRefused,
  personSource,
  readStatus,
  resultFileTooLarge,
  resultsOfPerson,
  teamLinkRefusal,
  teamSummary,
} from './result-wording.ts';
