/**
 * Funnel math a rep can use: from a year's quota back to the attempts a day it takes. Pure; the
 * worksheet in a chapter (render.ts, pb-funnel-worksheet.ts) shows it.
 *
 *   deals a year          = quota ÷ deal size
 *   opportunities a month = deals a year ÷ win rate ÷ 12
 *   meetings a month      = opportunities a month ÷ meeting-to-opportunity rate   (a week: × 12 ÷ 52)
 *   conversations a day   = meetings a month ÷ conversation-to-meeting rate ÷ working days a month
 *   attempts a day        = conversations a day ÷ attempt-to-conversation rate
 *
 * Every rate is a share from 0 (exclusive) to 1. The defaults come from the calculator's defaults
 * where it has the same figure (deal size, win rate, meeting-to-opportunity, AE quota, working days),
 * so a chapter's worked example agrees with the calculator; the two call-level rates are stated
 * assumptions an author or reader replaces with their own.
 */

/** What the worksheet asks for. */
export interface FunnelInputs {
  /** Annual quota (money). */
  quota: number;
  /** First-year value of a won deal (money). */
  dealSize: number;
  /** Share of opportunities won. */
  winRate: number;
  /** Share of held first meetings that become qualified opportunities. */
  meetingToOpportunity: number;
  /** Share of conversations with a buyer that end in a held meeting. */
  connectToMeeting: number;
  /** Share of attempts (calls, emails, messages) that reach a conversation. */
  attemptToConnect: number;
  /** Working days in a month, after time out. */
  workingDaysPerMonth: number;
}

/** The worksheet's fields in the order shown. */
export const FUNNEL_FIELDS = ['quota', 'dealSize', 'winRate', 'meetingToOpportunity', 'connectToMeeting', 'attemptToConnect', 'workingDaysPerMonth'] as const;
export type FunnelField = (typeof FUNNEL_FIELDS)[number];

/** What each field is, how it is typed and its allowed range (inclusive unless `above`). */
export const FUNNEL_FIELD_INFO: Readonly<
  Record<FunnelField, { label: string; kind: 'money' | 'share' | 'days'; min: number; max: number; above?: boolean; hint: string }>
> = {
  quota: { label: 'Annual quota', kind: 'money', min: 0, max: 1e9, hint: 'The new business you carry for a year.' },
  dealSize: { label: 'Average deal size', kind: 'money', min: 0, max: 1e9, above: true, hint: 'First-year value of a typical won deal.' },
  winRate: { label: 'Win rate', kind: 'share', min: 0, max: 1, above: true, hint: 'Of your qualified opportunities, the share you win.' },
  meetingToOpportunity: {
    label: 'Meetings that become opportunities',
    kind: 'share',
    min: 0,
    max: 1,
    above: true,
    hint: 'Of first meetings held, the share that turn into a qualified opportunity.',
  },
  connectToMeeting: {
    label: 'Conversations that become meetings',
    kind: 'share',
    min: 0,
    max: 1,
    above: true,
    hint: 'Of live conversations with a buyer, the share that end with a meeting booked and held.',
  },
  attemptToConnect: {
    label: 'Attempts that reach a conversation',
    kind: 'share',
    min: 0,
    max: 1,
    above: true,
    hint: 'Of calls, emails and messages sent, the share that reach a real conversation.',
  },
  workingDaysPerMonth: { label: 'Working days a month', kind: 'days', min: 1, max: 31, hint: 'Days you can prospect, after holidays and time out.' },
};

/** The two call-level rates the calculator has no figure for: stated assumptions. */
export const ASSUMED = { connectToMeeting: 0.2, attemptToConnect: 0.08 } as const;

/** The calculator defaults the worksheet takes its figures from (a subset of the defaults file). */
export interface FunnelSource {
  shared: { averageDealValue: number; workingDaysPerYear: number };
  inHouse: { meetingToOpportunity: number; opportunityWinRate: number };
  fullCycle: { annualQuota: number; daysOutPerYear: number };
}

/** The worksheet's defaults, from the calculator's. */
export function funnelDefaults(source: FunnelSource): FunnelInputs {
  return {
    quota: source.fullCycle.annualQuota,
    dealSize: source.shared.averageDealValue,
    winRate: source.inHouse.opportunityWinRate,
    meetingToOpportunity: source.inHouse.meetingToOpportunity,
    ...ASSUMED,
    workingDaysPerMonth: (source.shared.workingDaysPerYear - source.fullCycle.daysOutPerYear) / 12,
  };
}

/** What it takes, per period; every value finite. */
export interface FunnelResult {
  dealsPerYear: number;
  opportunitiesPerMonth: number;
  meetingsPerMonth: number;
  meetingsPerWeek: number;
  conversationsPerDay: number;
  attemptsPerDay: number;
}

/** Why a value cannot be used, for the field it belongs to. */
export function fieldProblem(field: FunnelField, value: number): string | undefined {
  const info = FUNNEL_FIELD_INFO[field];
  if (!Number.isFinite(value)) return 'Enter a number.';
  const shown = (n: number) => (info.kind === 'share' ? `${n * 100} %` : n.toLocaleString('en-US'));
  if (info.above ? value <= info.min : value < info.min) return `Enter a value ${info.above ? 'above' : 'of at least'} ${shown(info.min)}.`;
  if (value > info.max) return `Enter a value of at most ${shown(info.max)}.`;
  return undefined;
}

/** The funnel for valid inputs; undefined when any input is out of range (see `fieldProblem`). */
export function funnel(inputs: FunnelInputs): FunnelResult | undefined {
  if (FUNNEL_FIELDS.some((field) => fieldProblem(field, inputs[field]) !== undefined)) return undefined;
  const dealsPerYear = inputs.quota / inputs.dealSize;
  const opportunitiesPerMonth = dealsPerYear / inputs.winRate / 12;
  const meetingsPerMonth = opportunitiesPerMonth / inputs.meetingToOpportunity;
  const conversationsPerDay = meetingsPerMonth / inputs.connectToMeeting / inputs.workingDaysPerMonth;
  return {
    dealsPerYear,
    opportunitiesPerMonth,
    meetingsPerMonth,
    meetingsPerWeek: (meetingsPerMonth * 12) / 52,
    conversationsPerDay,
    attemptsPerDay: conversationsPerDay / inputs.attemptToConnect,
  };
}
