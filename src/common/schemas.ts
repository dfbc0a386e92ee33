import { z } from 'astro/zod';
import { KEBAB_ID } from './formats.ts';

/** An entry id as used in file names and URLs: lowercase words joined by hyphens, e.g. `leads-versus-targets`. */
export const IdSchema = z.string().regex(KEBAB_ID, 'lowercase-kebab-case id, e.g. "leads-versus-targets"');

/** Who a chapter is written for. */
export const AudienceSchema = z.enum(['rep', 'leader', 'both']);

/** Who a chapter is written for: a rep, a leader, or both. */
export type Audience = z.infer<typeof AudienceSchema>;
