import { slug } from '../../src/common/slug.ts';

/** Turns a title into a content id (a file name): its slug, at most 80 characters. */
export function slugify(title: string): string {
  return slug(title).slice(0, 80).replace(/-+$/g, '');
}

const quote = (text: string): string => JSON.stringify(text);

/** A new chapter file: valid frontmatter (as a draft) and the skeleton every chapter follows. */
export function chapterTemplate(options: { title: string; section: string; order: number; audience: string }): string {
  return `---
title: ${quote(options.title)}
description: ${quote(`One sentence on what a reader takes away from "${options.title}".`)}
section: ${options.section}
order: ${options.order}
audience: ${options.audience}
related: []
draft: true
---
Open with the situation the reader is in and why this chapter matters to them.

## The idea

Explain the idea plainly. Link to the glossary on a term's first use, e.g. <Term id="prospecting">prospecting</Term>.

## How to do it

<Checklist title="Before you start">

- A first thing to check.
- A second thing to check.

</Checklist>

## Practise it

<Exercise title="Try it this week" minutes={20}>

1. A first step.
2. A second step.

</Exercise>

<KeyTakeaways>

- The first thing to remember.
- The second thing to remember.

</KeyTakeaways>
`;
}

/** A new section file. */
export function sectionTemplate(options: { title: string; order: number }): string {
  return `title: ${quote(options.title)}\norder: ${options.order}\nsummary: ${quote('One or two sentences on what this section covers and who it is for.')}\n`;
}

/** A new glossary term file. */
export function termTemplate(options: { term: string }): string {
  return `term: ${quote(options.term)}\ndefinition: ${quote('One to three plain sentences.')}\nrelated: []\n`;
}
