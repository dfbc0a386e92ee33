import Callout from './Callout.astro';
import Checklist from './Checklist.astro';
import Exercise from './Exercise.astro';
import FunnelWorksheet from './FunnelWorksheet.astro';
import KeyTakeaways from './KeyTakeaways.astro';
import Line from './Line.astro';
import Link from './Link.astro';
import Note from './Note.astro';
import TalkTrack from './TalkTrack.astro';
import Term from './Term.astro';

/** The components authors can use in chapters without importing them; `a` adds the base path to site links. */
export const mdxComponents = { Callout, Checklist, Exercise, FunnelWorksheet, KeyTakeaways, Line, Note, TalkTrack, Term, a: Link };
