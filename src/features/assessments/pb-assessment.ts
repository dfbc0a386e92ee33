import { parsePageData, type AssessmentPageData } from './page-data.ts';
import {
  answeredCount,
  scoreAssessment,
  unansweredQuestions,
  type Answers,
  type AssessmentScore,
  type ChapterRecommendation,
  type Reason,
  type Recommendation,
} from './scoring.ts';
import { assessmentStore, type AssessmentStore } from './store.ts';
import { hasResultLink } from './result-link.ts';
import {
  NO_GAPS,
  NO_STRENGTHS,
  answeredText,
  continueText,
  dimensionLine,
  favoursText,
  historyLine,
  pointsText,
  recommendationLead,
  recommendationReason,
  resultFileName,
  resumeText,
  unansweredText,
} from './wording.ts';
import { el, part as partOf } from '../../browser/dom.ts';
import { dataText } from '../../browser/data-attrs.ts';
import { downloadText } from '../../browser/download.ts';
import { pageLocale } from '../../browser/locale.ts';
import { STARTED_EVENT, takePendingAnswers } from './started.ts';

// Links and files go through src/features/assessments/result-format.ts (zod/mini, shared with the answers
// store, plus its own few KB). It is loaded only when a link is opened or a result exported, so
// taking an assessment loads no more than it needs.
let resultModule: Promise<typeof import('./result-module.ts')> | undefined;
const loadResultModule = () => (resultModule ??= import('./result-module.ts'));

type View = 'questions' | 'own' | 'shared';

/** Finds a required child by its data attribute; the markup comes from Assessment.astro. */
const part = <T extends HTMLElement = HTMLElement>(root: ParentNode, name: string): T => partOf<T>(root, name, 'pb-assessment');

function formatDate(iso: string): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat(pageLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(date);
  } catch {
    return date.toISOString().slice(0, 16).replace('T', ' ');
  }
}

/** `<pb-assessment>`: saves answers as they are given, scores them and shows, shares and exports the result. */
class PbAssessment extends HTMLElement {
  #data!: AssessmentPageData;
  #store!: AssessmentStore;
  #form!: HTMLFormElement;
  #view: View = 'questions';

  connectedCallback(): void {
    if (this.dataset['ready']) return;
    this.dataset['ready'] = 'true';
    void this.#start();
  }

  async #start(): Promise<void> {
    const id = dataText(this, 'id');
    let data: AssessmentPageData | undefined;
    try {
      const response = await fetch(dataText(this, 'src'));
      data = response.ok ? parsePageData(await response.json(), id) : undefined;
    } catch {
      data = undefined;
    }
    if (!data) {
      this.#say('notice', 'Scoring is unavailable: this page’s data file did not load. You can read the questions; reload the page to try again.');
      this.#started();
      return;
    }
    this.#data = data;
    this.#store = assessmentStore(data.assessment);
    this.#store.$notice.subscribe((text) => this.#say('notice', text));
    this.#form = part<HTMLFormElement>(this, 'form');
    this.#form.noValidate = true; // unanswered questions are reported by #submit, with their numbers
    this.#restoreAnswers();
    this.#wire();
    part(this, 'progress').hidden = false;
    part<HTMLButtonElement>(this, 'submit').disabled = false;
    this.#updateProgress();
    const saved = this.#store.$saved.get();
    const done = answeredCount(data.assessment, saved.answers);
    if (done > 0 && !saved.finishedAt) this.#showResume(done);
    await this.#route();
    // Answers noted since #restoreAnswers took them are passed on once this has started (browser/first-act.ts);
    // a note left behind would be taken again on the next visit, over what was answered after it.
    takePendingAnswers(data.assessment.id);
    this.#started();
  }

  /** Says that the element has started, as far as it can (assessment-start.ts then passes on what the reader did meanwhile). */
  #started(): void {
    this.dataset['started'] = 'true';
    this.dispatchEvent(new Event(STARTED_EVENT));
  }

  #say(name: 'notice' | 'refusal' | 'form-error', text: string): void {
    const node = part(this, name);
    node.textContent = text;
    node.hidden = text === '';
  }

  #answers(): Answers {
    return this.#store.$saved.get().answers;
  }

  #restoreAnswers(): void {
    const radios = this.#form.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    // Answers given before this code started, noted by assessment-start.ts (the page may have been
    // reloaded since): each that names one of the form's options is saved as if given now.
    for (const [question, index] of takePendingAnswers(this.#data.assessment.id)) {
      if ([...radios].some((input) => input.name === question && Number(input.value) === index)) this.#store.answer(question, index);
    }
    const answers = this.#answers();
    for (const input of radios) input.checked = Object.hasOwn(answers, input.name) && answers[input.name] === Number(input.value);
  }

  #wire(): void {
    this.#form.addEventListener('change', (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'radio') return;
      this.#store.answer(input.name, Number(input.value));
      this.#say('notice', this.#store.$notice.get()); // a retake's message has served its purpose
      this.#updateProgress();
      if (!part(this, 'form-error').hidden) this.#reportUnanswered(false);
    });
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#submit();
    });
    const name = part<HTMLInputElement>(this, 'name');
    name.value = this.#store.$saved.get().name ?? '';
    name.addEventListener('change', () => this.#store.setName(name.value));
    const failed = () => {
      part(this, 'action-status').textContent = 'That did not work: part of the page did not load. Reload the page to try again.';
    };
    part(this, 'copy-link').addEventListener('click', () => void this.#copyLink().catch(failed));
    part(this, 'download').addEventListener('click', () => void this.#download().catch(failed));
    part(this, 'print').addEventListener('click', () => window.print());
    part(this, 'retake').addEventListener('click', () => this.#retake());
    part(this, 'forget').addEventListener('click', () => {
      if (!window.confirm('Forget your answers and every past result of this self-assessment in this browser?')) return;
      this.#store.forget();
      this.#retake('Your answers and past results are forgotten.');
    });
    window.addEventListener('hashchange', () => {
      if (hasResultLink(location.hash) || this.#view === 'shared') void this.#route();
    });
  }

  async #route(): Promise<void> {
    this.#say('refusal', '');
    const { assessment } = this.#data;
    if (hasResultLink(location.hash)) {
      const module = await loadResultModule().catch(() => undefined);
      const outcome = module?.decodeResultLink(location.hash, assessment);
      const score = outcome?.ok ? scoreAssessment(assessment, outcome.value.answers) : undefined;
      if (outcome?.ok && score?.ok) {
        // A name is isolated in <bdi> so right-to-left characters in it cannot reorder the sentence.
        const text = part(this, 'shared-text');
        text.replaceChildren(`Taken on ${formatDate(outcome.value.takenAt)}`);
        if (outcome.value.name) text.append(' by ', el('bdi', outcome.value.name));
        text.append('. It is shown read-only, exactly as the link describes it, and is not saved in this browser.');
        this.#showResults(score.value, 'shared', outcome.value.takenAt);
        return;
      }
      let refusal = 'This result link cannot be read: part of the page did not load. Reload the page to try again.';
      if (module && outcome) refusal = outcome.ok ? 'This result link cannot be shown.' : module.linkRefusal(outcome.problems, assessment);
      this.#say('refusal', refusal);
    }
    const saved = this.#store.$saved.get();
    const score = saved.finishedAt ? scoreAssessment(assessment, saved.answers) : undefined;
    if (saved.finishedAt && score?.ok) this.#showResults(score.value, 'own', saved.finishedAt);
    else this.#showQuestions();
  }

  #updateProgress(): void {
    const { assessment } = this.#data;
    const done = answeredCount(assessment, this.#answers());
    part<HTMLProgressElement>(this, 'progress-bar').value = done;
    part(this, 'progress-text').textContent = answeredText(done, assessment.questions.length);
  }

  #showResume(done: number): void {
    const first = unansweredQuestions(this.#data.assessment, this.#answers())[0];
    const resume = part(this, 'resume');
    const number = this.#data.assessment.questions.findIndex((q) => q.id === first) + 1;
    resume.replaceChildren(resumeText(done, this.#data.assessment.questions.length));
    if (first) {
      const link = el('a', continueText(number));
      link.href = `#q-${first}`;
      resume.append(link);
    }
    resume.hidden = false;
  }

  /** Reports unanswered questions; with `focus`, moves to the first one. */
  #reportUnanswered(focus: boolean): boolean {
    const { assessment } = this.#data;
    const missing = unansweredQuestions(assessment, this.#answers());
    if (missing.length === 0) {
      this.#say('form-error', '');
      return false;
    }
    this.#say('form-error', unansweredText(missing.map((id) => assessment.questions.findIndex((q) => q.id === id) + 1)));
    if (focus) this.#form.querySelector<HTMLInputElement>(`input[name="${missing[0]}"]`)?.focus();
    return true;
  }

  #submit(): void {
    if (this.#reportUnanswered(true)) return;
    const { assessment } = this.#data;
    const answers = { ...this.#answers() };
    const outcome = scoreAssessment(assessment, answers);
    if (!outcome.ok) return;
    const takenAt = new Date().toISOString();
    this.#store.finish({ takenAt, answers, overall: outcome.value.overall, band: outcome.value.band.label });
    // Path steps and certificates listen for this; they live outside the assessment feature.
    this.dispatchEvent(new CustomEvent('pb-assessment-finished', { bubbles: true, detail: { id: assessment.id, overall: outcome.value.overall, takenAt } }));
    part(this, 'resume').hidden = true;
    this.#showResults(outcome.value, 'own', takenAt);
    part(this, 'result-heading').focus();
  }

  #retake(message = 'Your answers are cleared. Your past results are kept below.'): void {
    this.#store.retake();
    this.#restoreAnswers();
    this.#updateProgress();
    part(this, 'resume').hidden = true;
    this.#showQuestions();
    this.#say('form-error', '');
    part(this, 'action-status').textContent = '';
    this.#say('notice', message);
    this.#form.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  }

  #showQuestions(): void {
    this.#view = 'questions';
    this.#form.hidden = false;
    part(this, 'results').hidden = true;
    this.#renderHistory();
  }

  #chapterItem(recommendation: ChapterRecommendation): HTMLElement {
    const item = el('li');
    const chapter = this.#data.chapters[recommendation.chapter];
    const link = el('a', chapter?.title ?? recommendation.chapter);
    link.href = chapter?.href ?? '#';
    item.append(
      link,
      ' ',
      el('span', recommendationReason(recommendation, this.#data.assessment.dimensions, this.#data.assessment.kind === 'recommendation'), 'muted'),
    );
    return item;
  }

  #showResults(score: AssessmentScore, mode: 'own' | 'shared', takenAt: string): void {
    this.#view = mode;
    const results = part(this, 'results');
    const shared = mode === 'shared';
    part(this, 'shared').hidden = !shared;
    for (const node of results.querySelectorAll<HTMLElement>('[data-own-only]')) node.hidden = shared;
    part(this, 'result-heading').textContent = shared ? 'Shared result' : 'Your result';
    part(this, 'answers-heading').textContent = shared ? 'The answers' : 'Your answers';
    part(this, 'overall').textContent = String(score.overall);
    part(this, 'band-label').textContent = score.band.label;
    part(this, 'band-summary').textContent = score.band.summary;
    part(this, 'taken').textContent = `Finished on ${formatDate(takenAt)}.`;

    part(this, 'read-next').replaceChildren(...score.chapters.filter((c) => c.readNext).map((c) => this.#chapterItem(c)));
    const more = score.chapters.filter((c) => !c.readNext);
    part(this, 'more').replaceChildren(...more.map((c) => this.#chapterItem(c)));
    part(this, 'more-wrap').hidden = more.length === 0;

    if (score.recommendation) this.#showRecommendation(score.recommendation);

    const list = part(this, 'dimensions');
    for (const dimension of score.dimensions) {
      const row = list.querySelector<HTMLElement>(`[data-dimension="${dimension.id}"]`);
      if (!row) continue;
      part<HTMLMeterElement>(row, 'meter').value = dimension.score;
      part(row, 'score').textContent = String(dimension.score);
      list.append(row); // highest first
    }
    // A recommendation assessment has no strengths and gaps (its page has no place for them).
    this.querySelector('[data-strengths]')?.replaceChildren(
      ...(score.strengths.length > 0 ? score.strengths.map((d) => el('li', dimensionLine(d))) : [el('li', NO_STRENGTHS)]),
    );
    this.querySelector('[data-gaps]')?.replaceChildren(
      ...(score.gaps.length > 0
        ? score.gaps.map((d) => {
            const item = el('li');
            item.append(el('strong', dimensionLine(d)), el('p', d.advice));
            return item;
          })
        : [el('li', NO_GAPS)]),
    );

    for (const question of score.questions) {
      const row = results.querySelector<HTMLElement>(`[data-review="${question.id}"]`);
      if (!row) continue;
      part(row, 'review-label').textContent = shared ? 'Answer' : 'Your answer';
      part(row, 'answer').textContent = question.answer;
      part(row, 'points').textContent = question.favours ? favoursText(question.favours) : pointsText(question.points, question.maxPoints);
      const explanation = part(row, 'explanation');
      explanation.textContent = question.explanation ?? '';
      explanation.hidden = !question.explanation;
    }
    part(this, 'link-wrap').hidden = true;
    part(this, 'action-status').textContent = '';
    this.#form.hidden = true;
    results.hidden = false;
    this.#renderHistory();
  }

  #showRecommendation(recommendation: Recommendation): void {
    part(this, 'recommendation-lead').textContent = recommendationLead(recommendation);
    const reason = (r: Reason): HTMLElement => {
      const item = el('li');
      item.append(el('strong', r.answer), ` (${r.prompt})`);
      if (r.explanation) item.append(el('p', r.explanation, 'muted'));
      return item;
    };
    part(this, 'reasons-for').replaceChildren(...recommendation.reasons.map(reason));
    part(this, 'reasons-against').replaceChildren(...recommendation.against.map(reason));
    part(this, 'against-wrap').hidden = recommendation.against.length === 0;
  }

  #renderHistory(): void {
    const history = this.#store.$saved.get().history;
    const section = part(this, 'history');
    section.hidden = history.length === 0 || this.#view === 'shared';
    part(this, 'history-list').replaceChildren(
      ...[...history].reverse().map((entry) => {
        const item = el('li');
        const time = el('time', formatDate(entry.takenAt));
        time.setAttribute('datetime', entry.takenAt);
        item.append(time, historyLine(entry));
        return item;
      }),
    );
  }

  /** The current own result as a portable result (the one shown, with the name typed). */
  async #currentResult() {
    const { createResult } = await loadResultModule();
    const saved = this.#store.$saved.get();
    const name = part<HTMLInputElement>(this, 'name').value;
    return createResult(this.#data.assessment, saved.answers, { takenAt: new Date(saved.finishedAt ?? Date.now()), name });
  }

  async #copyLink(): Promise<void> {
    const { encodeResultLink } = await loadResultModule();
    const url = `${location.origin}${location.pathname}${encodeResultLink(await this.#currentResult())}`;
    const input = part<HTMLInputElement>(this, 'link');
    input.value = url;
    part(this, 'link-wrap').hidden = false;
    const status = part(this, 'action-status');
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = 'Link copied. Whoever opens it sees this result; it is not stored anywhere else.';
    } catch {
      input.select();
      status.textContent = 'Copy the link below. Whoever opens it sees this result; it is not stored anywhere else.';
    }
  }

  async #download(): Promise<void> {
    const { resultFileText } = await loadResultModule();
    const result = await this.#currentResult();
    const name = downloadText(resultFileName(result), resultFileText(result), 'application/json');
    part(this, 'action-status').textContent = `Saved as ${name}. Give it to your team leader for the team roll-up, or keep it.`;
  }
}

if (!customElements.get('pb-assessment')) customElements.define('pb-assessment', PbAssessment);
