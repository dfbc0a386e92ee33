/**
 * A calendar reminder as an iCalendar file (RFC 5545): CRLF line endings, lines folded at 75 octets,
 * text escaped, with UID and DTSTAMP. Written for one all-day event, the next review.
 */

/** Escapes text for a TEXT property value (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds one content line so no line is longer than 75 octets, never splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A UTC time as iCalendar writes it, e.g. 20260302T093000Z. */
export function icsTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A date as iCalendar writes it, e.g. 20260302 (local calendar date). */
export function icsDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}

/** What the reminder says and when. */
export interface Reminder {
  /** Unique and stable for this reminder, e.g. `review-2026-03-03@<host><base>`. */
  uid: string;
  /** The day of the review (all-day event). */
  day: Date;
  /** When the file was made. */
  stamp: Date;
  summary: string;
  description: string;
  /** Absolute address of the page to open. */
  url?: string | undefined;
}

/** The whole .ics file for one all-day reminder. */
export function buildIcs(reminder: Reminder): string {
  const next = new Date(reminder.day.getFullYear(), reminder.day.getMonth(), reminder.day.getDate() + 1);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Prospecting playbook//Review reminder//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${escapeText(reminder.uid)}`,
    `DTSTAMP:${icsTime(reminder.stamp)}`,
    `DTSTART;VALUE=DATE:${icsDate(reminder.day)}`,
    `DTEND;VALUE=DATE:${icsDate(next)}`,
    `SUMMARY:${escapeText(reminder.summary)}`,
    `DESCRIPTION:${escapeText(reminder.description)}`,
    ...(reminder.url ? [`URL:${reminder.url}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
