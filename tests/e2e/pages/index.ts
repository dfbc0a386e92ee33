/** One page object per page type; tests/e2e/fixtures.ts hands them to tests as fixtures. */
export { AssessmentPage, TeamRollUpPage, type FileToAdd } from './assessments.ts';
export { CalculatorPage } from './calculator.ts';
export { CertificatePage, PathPage, ProgressPage, ReadinessPage } from './progress.ts';
export { ChapterPage, GlossaryPage, HomePage, SectionPage } from './reading.ts';
export { HeaderSearch, SearchPage, SearchPanel } from './search.ts';
export { open, SiteHeader } from './site.ts';
