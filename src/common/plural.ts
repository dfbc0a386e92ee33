/** "1 chapter", "3 chapters"; pass `many` for irregular plurals ("1 person", "2 people"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The noun alone, for sentences that show the number elsewhere: nounFor(2, ['rep', 'reps']) is "reps". */
export function nounFor(n: number, [one, many]: readonly [string, string]): string {
  return n === 1 ? one : many;
}
