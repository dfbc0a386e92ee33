import { $checks, $checksNotice, recordCheckAttempt } from './store.ts';
import { neededToPass, scoreAttempt, type ScorableQuestion } from './model.ts';
import { markStep } from '../progress/store.ts';
import { isStepKey } from '../progress/format.ts';

const VERDICTS = {
  chosenRight: 'Right, you chose it.',
  chosenWrong: 'Not correct, though you chose it.',
  missed: 'Missed: this one is correct.',
  leftOut: 'Rightly left out.',
} as const;

/**
 * The knowledge check's behaviour, loaded by `<pb-knowledge-check>` when the reader reaches the check:
 * scores the server-rendered form on submit, shows feedback beside every option, keeps attempts and
 * the best score, schedules review and ticks the path steps it completes.
 */
export class KnowledgeCheckController {
  #unbind: (() => void)[] = [];

  private readonly host: HTMLElement;

  constructor(host: HTMLElement) {
    this.host = host;
  }

  /** Wires the form; returns a function that submits it (for a submit that arrived before loading). */
  start(): () => void {
    const noop = () => {};
    const chapter = this.host.dataset['chapter'] ?? '';
    const passMark = Number(this.host.dataset['passMark']);
    const form = this.host.querySelector<HTMLFormElement>('[data-check-form]');
    const submit = this.host.querySelector<HTMLButtonElement>('[data-check-submit]');
    const retry = this.host.querySelector<HTMLButtonElement>('[data-check-retry]');
    if (!chapter || !form || !submit || !retry || !Number.isFinite(passMark)) return noop;
    for (const answer of this.host.querySelectorAll<HTMLElement>('[data-answer]')) answer.hidden = true;
    submit.hidden = false;
    const submitNow = () => this.#submit(chapter, passMark, form, submit, retry);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitNow();
    });
    retry.addEventListener('click', () => this.#reset(form, submit, retry));
    const record = this.host.querySelector<HTMLElement>('[data-check-record]');
    const notice = this.host.querySelector<HTMLElement>('[data-check-notice]');
    this.#unbind.push(
      $checks.subscribe((state) => {
        const r = Object.hasOwn(state.checks, chapter) ? state.checks[chapter] : undefined;
        if (record) {
          record.textContent = r
            ? `Your attempts: ${r.attempts}; best ${r.best} of ${r.total}${r.passedAt ? `; passed on ${r.passedAt.slice(0, 10)}` : '; not passed yet'}.`
            : '';
        }
      }),
      $checksNotice.subscribe((text) => {
        if (!notice) return;
        notice.textContent = text ?? '';
        notice.hidden = !text;
      }),
    );
    return submitNow;
  }

  stop(): void {
    for (const unbind of this.#unbind.splice(0)) unbind();
  }

  #questions(form: HTMLFormElement): { el: HTMLFieldSetElement; q: ScorableQuestion; chosen: number[] }[] {
    return [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')].map((el) => {
      const options = [...el.querySelectorAll<HTMLElement>('.kc-option')];
      return {
        el,
        q: {
          id: el.dataset['question'] ?? '',
          kind: el.dataset['kind'] === 'multiple' ? 'multiple' : 'single',
          options: options.map((o) => ({
            correct: o.dataset['correct'] === 'true',
          })),
        },
        chosen: options.flatMap((o, j) => (o.querySelector<HTMLInputElement>('input')?.checked ? [j] : [])),
      };
    });
  }

  #submit(chapter: string, passMark: number, form: HTMLFormElement, submit: HTMLButtonElement, retry: HTMLButtonElement): void {
    const questions = this.#questions(form);
    let firstMissing: HTMLInputElement | undefined;
    for (const { el, chosen } of questions) {
      const error = el.querySelector<HTMLElement>('[data-question-error]');
      const inputs = el.querySelectorAll<HTMLInputElement>('input');
      const missing = chosen.length === 0;
      if (error) {
        error.textContent = missing ? 'Choose an answer to this question before checking.' : '';
        error.hidden = !missing;
      }
      for (const input of inputs) {
        if (missing && error) input.setAttribute('aria-describedby', error.id);
        else input.removeAttribute('aria-describedby');
      }
      if (missing) firstMissing ??= inputs[0];
    }
    if (firstMissing) {
      firstMissing.focus();
      return;
    }
    const score = scoreAttempt(
      questions.map((x) => x.q),
      questions.map((x) => x.chosen),
      passMark,
    );
    questions.forEach(({ el, chosen }) => {
      el.querySelectorAll<HTMLElement>('.kc-option').forEach((option, j) => {
        const correct = option.dataset['correct'] === 'true';
        const picked = chosen.includes(j);
        const feedback = option.querySelector<HTMLElement>('[data-feedback]');
        const verdict = feedback?.querySelector<HTMLElement>('[data-verdict]');
        if (!feedback || !verdict) return;
        verdict.textContent = picked ? (correct ? VERDICTS.chosenRight : VERDICTS.chosenWrong) : correct ? VERDICTS.missed : VERDICTS.leftOut;
        feedback.dataset['state'] = picked === correct ? 'right' : 'wrong';
        feedback.hidden = false;
      });
      for (const input of el.querySelectorAll('input')) input.disabled = true;
    });
    recordCheckAttempt(chapter, score);
    if (score.passed) {
      for (const key of (this.host.dataset['steps'] ?? '').split(/\s+/)) if (isStepKey(key)) markStep(key);
    }
    const result = this.host.querySelector<HTMLElement>('[data-check-result]');
    if (result) {
      const needed = neededToPass(score.total, passMark);
      result.textContent = score.passed
        ? `Passed: ${score.correct} of ${score.total} correct. Questions you missed come back in your review tomorrow.`
        : `Not passed yet: ${score.correct} of ${score.total} correct; ${needed} are needed. Read the feedback beside each option, then try again.`;
    }
    submit.hidden = true;
    retry.hidden = false;
    retry.focus();
  }

  #reset(form: HTMLFormElement, submit: HTMLButtonElement, retry: HTMLButtonElement): void {
    for (const input of form.querySelectorAll('input')) {
      input.disabled = false;
      input.checked = false;
    }
    for (const feedback of form.querySelectorAll<HTMLElement>('[data-feedback]')) feedback.hidden = true;
    const result = this.host.querySelector<HTMLElement>('[data-check-result]');
    if (result) result.textContent = '';
    retry.hidden = true;
    submit.hidden = false;
    form.querySelector<HTMLInputElement>('input')?.focus();
  }
}
