/**
 * The content model of a self-assessment: one YAML file per assessment in
 * `assessments/<id>.yaml` of the content folder, parsed through `AssessmentSchema` (shape, then the
 * cross-field refinements below). Reading the file (YAML, file name = id) is the loader's job
 * (src/loaders/assessment-file.ts); chapter references are checked with the rest of the playbook's
 * references (src/playbook/references.ts), because the list of chapters lives in another collection.
 *
 * What the parsed value looks like differs from the file in one way on purpose: every question
 * comes out with its `options`, so scoring never has to know about question kinds. An
 * agreement question's five-point scale is generated here (0..4, or 4..0 when `reverse: true`).
 *
 * Two kinds of assessment share the format. A `score` assessment (the default) scores a person
 * from 0 to 100 overall and per dimension, with bands and advice. A `recommendation` assessment
 * compares options (its dimensions are the options, e.g. in-house SDRs, an agency, full-cycle
 * reps): each answer gives `fit` points to the options it favours, and the result recommends the
 * option that fits best, with the margin and the answers that decided it.
 */
import { z } from 'astro/zod';
import { KEBAB_ID } from '../../common/formats.ts';
import { LIMITS } from '../../common/limits.ts';

/** Lowercase-kebab ids, the same rule as chapter and file names, e.g. `time-blocks`. */
const IdSchema = z.string().regex(KEBAB_ID);
/** A question id: saved answers, links and files are keyed by it, so it is kept short. */
const QuestionIdSchema = IdSchema.max(LIMITS.questionId);

// Text is always rendered as text (never as markdown or HTML), so markup would show up raw.
const MARKUP = /[<>*`[\]]|^\s*#/m;

/** Plain text shown to people: no markdown or HTML, not empty. */
const PlainTextSchema = z
  .string()
  .trim()
  .min(1)
  .refine((text) => !MARKUP.test(text), 'plain text without markdown or HTML (leave out * ` [ ] < > and a leading #)');

/** The five-point scale every agreement question uses, weakest answer first. */
export const AGREEMENT_LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'] as const;

/** One answer a person can pick on a single-choice question. */
export const OptionSchema = z.strictObject({
  /** What the person reads and picks, e.g. `Every week, in a blocked slot`. */
  label: PlainTextSchema,
  /**
   * Points this answer earns: a number of 0 or more; the best answer of a question earns the
   * most. Required (checked with its own message below, so a missing score reads clearly).
   */
  score: z.number().min(0).max(100).optional(),
  /** Optional: why this answer scores as it does, shown with the results when it was picked. */
  explanation: PlainTextSchema.optional(),
  /**
   * Recommendation assessments only: points (0-4) this answer gives each option it favours, by
   * option (dimension) id, e.g. `{ agency: 4, bridge: 2 }`; options left out get 0.
   */
  fit: z.record(z.string(), z.number().min(0).max(4)).optional(),
});

/** One group of questions whose score is reported on its own, e.g. "Routine". */
export const DimensionSchema = z.strictObject({
  /** Lowercase-kebab id that questions and `dimensionAdvice` refer to, e.g. `routine`. */
  id: IdSchema,
  /** Short name shown on the results, e.g. `Routine and rhythm`. */
  title: PlainTextSchema,
  /** One or two sentences on what this dimension measures. */
  description: PlainTextSchema,
  /** Recommendation assessments only: what to do when this option fits best (required there). */
  recommendation: PlainTextSchema.optional(),
  /** Recommendation assessments only: chapter ids to read when this option fits best (0-4). */
  chapters: z.array(IdSchema).max(4).optional(),
});

const QuestionInputSchema = z.strictObject({
  /** Lowercase-kebab id (at most 64 characters), unique in the assessment; results store answers under it. */
  id: QuestionIdSchema,
  /** The id of the dimension this question counts towards (score assessments; recommendation ones give `fit` per option instead). */
  dimension: IdSchema.optional(),
  /** The question or statement the person answers. */
  prompt: PlainTextSchema,
  /** `single`: pick one of `options`; `agreement`: rate the statement on the five-point scale. */
  kind: z.enum(['single', 'agreement']),
  /** Single-choice only: the answers to pick from (2-8), each with a score. */
  options: z.array(OptionSchema).min(2).max(8).optional(),
  /** Agreement only: `true` when agreeing is the weaker answer (a negatively phrased statement). Default false. */
  reverse: z.boolean().optional(),
  /** How much the question counts relative to the others; default 1, e.g. 2 counts double. */
  weight: z.number().positive().max(10).default(1),
  /** Optional: why the question matters, shown with the results. */
  explanation: PlainTextSchema.optional(),
});

/** A range of overall scores (whole numbers, both ends included) with its reading and chapters. */
export const BandSchema = z.strictObject({
  /** Lowest overall score in the band (0-100). */
  from: z.int().min(0).max(100),
  /** Highest overall score in the band (0-100); the next band starts at `to + 1`. */
  to: z.int().min(0).max(100),
  /** Short name of the band (at most 200 characters), e.g. `Waiting for the phone to ring`. */
  label: PlainTextSchema.max(LIMITS.bandLabel),
  /** Two or three sentences on what a score in this band means. */
  summary: PlainTextSchema,
  /** Chapter ids to read first when the overall score falls in this band (0-5). */
  chapters: z.array(IdSchema).max(5).default([]),
});

/** What to say and read when a dimension is one of a person's gaps. */
export const DimensionAdviceSchema = z.strictObject({
  /** Advice for a low score in this dimension. */
  low: PlainTextSchema,
  /** Chapter ids that help with this dimension (0-4). */
  chapters: z.array(IdSchema).max(4).default([]),
});

/** A site-internal link shown with the results, e.g. the pipeline cost calculator. */
export const LinkSchema = z.strictObject({
  /** The link text. */
  label: PlainTextSchema,
  /** A root-relative path inside the site, e.g. `/calculator/`; the build adds the base path. */
  href: z.string().refine((href) => /^\/(?!\/)[^\s\\]*$/.test(href), 'a path inside the site starting with a single /, e.g. /calculator/'),
});

const AssessmentShapeSchema = z.strictObject({
  /** Lowercase-kebab id (at most 64 characters); must equal the file name without `.yaml`. */
  id: IdSchema.max(LIMITS.assessmentId),
  /** Title of the assessment page, e.g. `Is prospecting optional on this team?`. */
  title: PlainTextSchema,
  /** Who it is written for. */
  audience: z.enum(['rep', 'leader']),
  /**
   * `score` (default): a score from 0 to 100 with bands and advice. `recommendation`: the
   * dimensions are options to choose between and the result recommends the best fit.
   */
  kind: z.enum(['score', 'recommendation']).default('score'),
  /** Recommendation only: a lead (in points out of 100) below which the top two are called too close to call. Default 5. */
  closeMargin: z.int().min(0).max(50).default(5),
  /** One short paragraph shown before the questions (plain text). */
  intro: PlainTextSchema,
  /** Estimated minutes to answer every question (1-60). */
  minutes: z.int().min(1).max(60),
  /** The dimensions results are reported on (1-6); in a recommendation assessment, the options (2-6). */
  dimensions: z.array(DimensionSchema).min(1).max(6),
  /** The questions, in the order they are asked (1-40). */
  questions: z.array(QuestionInputSchema).min(1).max(40),
  /** Score assessments: overall score bands; together they cover 0-100 exactly, with no gap and no overlap. */
  bands: z.array(BandSchema).max(8).default([]),
  /** Score assessments: advice per dimension id, one entry for every dimension. */
  // Keys are checked against the dimensions below, with a clearer message than a key schema gives.
  dimensionAdvice: z.record(z.string(), DimensionAdviceSchema).default({}),
  /** Optional site-internal links shown with the results. */
  links: z.array(LinkSchema).max(5).optional(),
});

type AssessmentShape = z.output<typeof AssessmentShapeSchema>;
type RefinementContext = z.core.$RefinementCtx<AssessmentShape>;

function issue(ctx: RefinementContext, path: PropertyKey[], message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

function quotedList(values: readonly string[]): string {
  return values.join(', ');
}

function checkUnique(ctx: RefinementContext, values: readonly string[], path: (index: number) => PropertyKey[], what: string): void {
  const firstAt = new Map<string, number>();
  values.forEach((value, index) => {
    const first = firstAt.get(value);
    if (first === undefined) firstAt.set(value, index);
    else issue(ctx, path(index), `${what} not used before ("${value}" is already used by ${path(first).map(String).join('.')})`);
  });
}

function checkQuestions(data: AssessmentShape, ctx: RefinementContext): void {
  const dimensionIds = data.dimensions.map((d) => d.id);
  data.questions.forEach((question, q) => {
    if (question.dimension === undefined) {
      issue(ctx, ['questions', q, 'dimension'], `the id of the dimension this question counts towards: ${quotedList(dimensionIds)}`);
    } else if (!dimensionIds.includes(question.dimension)) {
      issue(ctx, ['questions', q, 'dimension'], `one of the dimension ids listed under "dimensions": ${quotedList(dimensionIds)}`);
    }
    question.options?.forEach((option, o) => {
      if (option.fit !== undefined)
        issue(ctx, ['questions', q, 'options', o, 'fit'], 'no "fit" in a score assessment (it is for kind: recommendation; give the option a score instead)');
    });
    if (question.kind === 'agreement') {
      if (question.options !== undefined) {
        issue(
          ctx,
          ['questions', q, 'options'],
          'no options on an agreement question (its strongly disagree..strongly agree scale is generated; use kind: single to write your own options)',
        );
      }
      return;
    }
    if (question.reverse !== undefined) {
      issue(ctx, ['questions', q, 'reverse'], 'no "reverse" on a single-choice question (give each option the score it deserves instead)');
    }
    if (question.options === undefined) {
      issue(ctx, ['questions', q, 'options'], 'a list of 2 to 8 options, each with a label and a score (a single-choice question needs answers to pick from)');
      return;
    }
    question.options.forEach((option, o) => {
      if (option.score === undefined) {
        issue(
          ctx,
          ['questions', q, 'options', o, 'score'],
          'a score for every option of a single-choice question (a number of 0 or more: the points this answer earns)',
        );
      }
    });
    checkUnique(
      ctx,
      question.options.map((o) => o.label),
      (o) => ['questions', q, 'options', o, 'label'],
      'an option label',
    );
    if (question.options.every((o) => o.score !== undefined && o.score <= 0)) {
      issue(ctx, ['questions', q, 'options'], 'at least one option with a score above 0 (otherwise the question cannot count towards the result)');
    }
  });
  const used = new Set(data.questions.map((q) => q.dimension));
  data.dimensions.forEach((dimension, d) => {
    if (!used.has(dimension.id))
      issue(ctx, ['dimensions', d, 'id'], `a dimension that at least one question counts towards (no question has dimension: ${dimension.id})`);
    if (dimension.recommendation !== undefined)
      issue(ctx, ['dimensions', d, 'recommendation'], 'no "recommendation" in a score assessment (it is for kind: recommendation)');
    if (dimension.chapters !== undefined)
      issue(ctx, ['dimensions', d, 'chapters'], 'no "chapters" on a dimension of a score assessment (put them under dimensionAdvice)');
  });
  if (data.bands.length === 0) issue(ctx, ['bands'], 'a list of 1 to 8 score bands covering 0-100 (a score assessment reports a band)');
}

/** A recommendation assessment: single-choice questions whose options give `fit` points to the options (dimensions). */
function checkRecommendation(data: AssessmentShape, ctx: RefinementContext): void {
  const ids = data.dimensions.map((d) => d.id);
  if (data.dimensions.length < 2) issue(ctx, ['dimensions'], 'at least 2 options to choose between (a recommendation compares options)');
  data.dimensions.forEach((dimension, d) => {
    if (dimension.recommendation === undefined)
      issue(ctx, ['dimensions', d, 'recommendation'], 'what to do when this option fits best (shown as the recommendation)');
  });
  if (data.bands.length > 0) issue(ctx, ['bands'], 'no bands in a recommendation assessment (its result is the option that fits best, not a band)');
  if (Object.keys(data.dimensionAdvice).length > 0)
    issue(ctx, ['dimensionAdvice'], 'no dimensionAdvice in a recommendation assessment (give each option a recommendation and chapters instead)');
  const favoured = new Set<string>();
  data.questions.forEach((question, q) => {
    if (question.dimension !== undefined)
      issue(ctx, ['questions', q, 'dimension'], 'no "dimension" in a recommendation assessment (each option says which options it favours with "fit")');
    if (question.kind !== 'single') {
      issue(ctx, ['questions', q, 'kind'], 'single (a recommendation assessment asks single-choice questions whose options carry "fit")');
      return;
    }
    if (question.options === undefined) {
      issue(ctx, ['questions', q, 'options'], 'a list of 2 to 8 options, each with a label and a fit');
      return;
    }
    checkUnique(
      ctx,
      question.options.map((o) => o.label),
      (o) => ['questions', q, 'options', o, 'label'],
      'an option label',
    );
    question.options.forEach((option, o) => {
      if (option.score !== undefined)
        issue(ctx, ['questions', q, 'options', o, 'score'], 'no "score" in a recommendation assessment (say which options this answer favours with "fit")');
      if (option.fit === undefined) {
        issue(
          ctx,
          ['questions', q, 'options', o, 'fit'],
          `the points this answer gives each option it favours, e.g. { ${ids[0] ?? 'option'}: 4 } ({} when it favours none)`,
        );
        return;
      }
      for (const [key, points] of Object.entries(option.fit)) {
        if (!ids.includes(key)) issue(ctx, ['questions', q, 'options', o, 'fit', key], `one of the option ids listed under "dimensions": ${quotedList(ids)}`);
        else if (points > 0) favoured.add(key);
      }
    });
    if (question.options.every((o) => Object.values(o.fit ?? {}).every((points) => points <= 0)))
      issue(ctx, ['questions', q, 'options'], 'at least one answer that favours an option (otherwise the question cannot count towards the result)');
  });
  data.dimensions.forEach((dimension, d) => {
    if (!favoured.has(dimension.id))
      issue(
        ctx,
        ['dimensions', d, 'id'],
        `an option that at least one answer favours (no answer gives "${dimension.id}" fit points, so it could never be recommended)`,
      );
  });
}

function range(from: number, to: number): string {
  return from === to ? `score ${from} is` : `scores ${from}-${to} are`;
}

/** Bands must tile 0..100: sorted by `from`, each starts right after the furthest end so far. */
function checkBands(data: AssessmentShape, ctx: RefinementContext): void {
  let ordered = true;
  data.bands.forEach((band, b) => {
    if (band.from > band.to) {
      ordered = false;
      issue(ctx, ['bands', b, 'from'], `a number no larger than this band's "to" (${band.to})`);
    }
  });
  if (!ordered) return;
  const sorted = data.bands.map((band, index) => ({ band, index })).sort((x, y) => x.band.from - y.band.from || x.band.to - y.band.to);
  const [first] = sorted;
  if (first === undefined) return;
  if (first.band.from > 0) {
    issue(ctx, ['bands', first.index, 'from'], `0, so that every score has a band (${range(0, first.band.from - 1)} in no band)`);
  }
  let end = first.band.to;
  let endLabel = first.band.label;
  for (const { band, index } of sorted.slice(1)) {
    const start = end + 1;
    if (band.from > start) {
      issue(ctx, ['bands', index, 'from'], `${start}, right after band "${endLabel}" ends at ${end} (${range(start, band.from - 1)} in no band)`);
    } else if (band.from < start && band.to <= end) {
      issue(ctx, ['bands', index, 'from'], `a range no other band covers (${range(band.from, band.to)} also in band "${endLabel}")`);
    } else if (band.from < start) {
      issue(ctx, ['bands', index, 'from'], `${start}, right after band "${endLabel}" ends at ${end} (${range(band.from, end)} in two bands)`);
    }
    if (band.to > end) {
      end = band.to;
      endLabel = band.label;
    }
  }
  if (end < 100) {
    const last = sorted.find(({ band }) => band.to === end);
    issue(ctx, ['bands', last?.index ?? sorted.length - 1, 'to'], `100, so that every score has a band (${range(end + 1, 100)} in no band)`);
  }
}

function checkAdvice(data: AssessmentShape, ctx: RefinementContext): void {
  const dimensionIds = data.dimensions.map((d) => d.id);
  for (const key of Object.keys(data.dimensionAdvice)) {
    if (!dimensionIds.includes(key))
      issue(ctx, ['dimensionAdvice', key], `advice only for the dimension ids listed under "dimensions": ${quotedList(dimensionIds)}`);
  }
  for (const id of dimensionIds) {
    if (!Object.hasOwn(data.dimensionAdvice, id)) {
      issue(ctx, ['dimensionAdvice', id], `advice for every dimension: add "${id}: { low: …, chapters: […] }" under dimensionAdvice`);
    }
  }
}

function scaleFor(reverse: boolean): Option[] {
  return AGREEMENT_LABELS.map((label, index) => ({ label, score: reverse ? AGREEMENT_LABELS.length - 1 - index : index, fit: {} }));
}

/** Gives every question its options, with required scores, so downstream code sees one shape. */
function normalise(data: AssessmentShape) {
  const questions = data.questions.map((question) => {
    const { options, reverse, dimension, ...rest } = question;
    // A recommendation question counts towards every option through its answers' `fit`; '' marks that.
    const common = { ...rest, dimension: dimension ?? '' };
    return question.kind === 'agreement'
      ? { ...common, reverse: reverse ?? false, options: scaleFor(reverse ?? false) }
      : { ...common, reverse: false, options: (options ?? []).map((o) => ({ ...o, score: o.score ?? 0, fit: o.fit ?? {} })) };
  });
  const bands = [...data.bands].sort((x, y) => x.from - y.from);
  return { ...data, questions, bands };
}

/**
 * A self-assessment file. Beyond the field shapes it requires: unique dimension, question and
 * option ids; every question in a declared dimension and every dimension with a question; a
 * score on every single-choice option; bands covering 0-100 with no gap or overlap; advice for
 * every dimension. Parsed questions always carry `options` (generated for agreement questions)
 * and bands come out sorted from low to high.
 */
export const AssessmentSchema = AssessmentShapeSchema.superRefine((data, ctx) => {
  checkUnique(
    ctx,
    data.dimensions.map((d) => d.id),
    (d) => ['dimensions', d, 'id'],
    'a dimension id',
  );
  checkUnique(
    ctx,
    data.questions.map((q) => q.id),
    (q) => ['questions', q, 'id'],
    'a question id',
  );
  if (data.kind === 'recommendation') {
    checkRecommendation(data, ctx);
    return;
  }
  checkQuestions(data, ctx);
  checkBands(data, ctx);
  checkAdvice(data, ctx);
}).transform(normalise);

/** One answer option of a parsed question (agreement options are generated); `score` and `fit` always set. */
export type Option = Omit<z.output<typeof OptionSchema>, 'score' | 'fit'> & { score: number; fit: Readonly<Record<string, number>> };

/** A parsed, checked self-assessment. */
export type Assessment = z.output<typeof AssessmentSchema>;
/** A self-assessment as written in its YAML file. */
export type AssessmentInput = z.input<typeof AssessmentSchema>;
/** A parsed question: always with `options`, `weight` and `reverse` filled in. */
export type Question = Assessment['questions'][number];
/** A parsed dimension. */
export type Dimension = z.output<typeof DimensionSchema>;
/** A parsed score band. */
export type Band = z.output<typeof BandSchema>;
/** A parsed site-internal link. */
export type Link = z.output<typeof LinkSchema>;
