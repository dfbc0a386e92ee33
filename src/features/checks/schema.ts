import { z } from 'astro/zod';
import { IdSchema } from '../../common/schemas.ts';

/** One answer a reader can choose, with why it is right or wrong. */
export const CheckOptionSchema = z.strictObject({
  /** The option as the reader sees it. @example "A lead" */
  text: z.string().min(1).max(200).describe('The option as the reader sees it, at most 200 characters.'),
  /** Whether choosing this option is right. */
  correct: z.boolean().describe('`true` when choosing this option is right.'),
  /** Shown after submitting, beside the option, whichever way the reader answered. */
  explanation: z.string().min(1).max(400).describe('Why the option is right or wrong, at most 400 characters; shown after submitting.'),
});

/** One question of a knowledge check. */
export const CheckQuestionSchema = z
  .strictObject({
    /** Stable id, unique in the file; keeps stored answers and review items when a question moves. @example "lead-or-target" */
    id: IdSchema.max(64).describe('A kebab-case id, unique in the file, at most 64 characters.'),
    /** `single`: exactly one correct option (radio buttons); `multiple`: one or more (checkboxes). */
    kind: z.enum(['single', 'multiple']).describe('`single` (exactly one correct option) or `multiple` (one or more correct).'),
    /** The question. */
    prompt: z.string().min(1).max(300).describe('The question, at most 300 characters.'),
    /** 2–6 options, each with an explanation. */
    options: z.array(CheckOptionSchema).min(2).max(6).describe('2–6 options, each with `text`, `correct` and `explanation`.'),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    if (q.kind === 'single' && correct !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `exactly one option with "correct: true" for a single-answer question (${correct} are marked correct)`,
      });
    }
    if (q.kind === 'multiple' && correct < 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'at least one option with "correct: true"',
      });
    }
  });

/** A chapter's knowledge check: `checks/<chapter id>.yaml`. Field descriptions feed docs/authoring.md. */
export const KnowledgeCheckSchema = z
  .strictObject({
    /** The chapter it belongs to; must exist and equal the file name. @example "leads-versus-targets" */
    chapter: IdSchema.describe('The chapter it belongs to; the same as the file name.'),
    /** Share of questions answered right to pass, 0.5–1. @example 0.8 */
    passMark: z.number().min(0.5).max(1).describe('Share of questions answered right to pass, from 0.5 to 1, e.g. `0.8`.'),
    /** 3–5 questions. */
    questions: z.array(CheckQuestionSchema).min(3).max(5).describe('3–5 questions, each with `id`, `kind`, `prompt` and `options`.'),
  })
  .superRefine((check, ctx) => {
    const seen = new Set<string>();
    check.questions.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'id'],
          message: 'an id not used by another question in this file',
        });
      seen.add(q.id);
    });
  });

/** A validated knowledge check. */
export type KnowledgeCheck = z.infer<typeof KnowledgeCheckSchema>;
/** One validated question. */
export type CheckQuestion = z.infer<typeof CheckQuestionSchema>;
