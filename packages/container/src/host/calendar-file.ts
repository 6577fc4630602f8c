import type { CalendarEvent } from '@plaza/runtime';

const REPEAT_RULES: Readonly<Record<string, string>> = {
  day: 'DAILY',
  week: 'WEEKLY',
  month: 'MONTHLY',
  year: 'YEARLY',
};

/** Text escaped for an iCalendar value (RFC 5545 §3.3.11). */
const text = (value: string) => value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** A UTC date-time (`20261207T140000Z`) or, for an all-day event, a date (`20261207`). */
function stamp(seconds: number, dateOnly: boolean): string {
  const iso = new Date(seconds * 1000).toISOString().replace(/[-:]/g, '');
  return dateOnly ? iso.slice(0, 8) : `${iso.slice(0, 15)}Z`;
}

/**
 * The event as an iCalendar file, which every calendar (phone or desktop) adds when opened:
 * the browser's way to `wx.addPhoneCalendar`. An event without an end lasts an hour, or the day.
 * @example calendarFile({ title: 'Launch', startTime: 1_800_000_000, … }, 'uid-1', new Date())
 */
export function calendarFile(event: CalendarEvent, uid: string, now: Date): string {
  const allDay = event.allDay;
  const end = event.endTime ?? event.startTime + (allDay ? 86_400 : 3_600);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Plaza//Mini program calendar//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp(now.getTime() / 1000, false)}`,
    allDay
      ? `DTSTART;VALUE=DATE:${stamp(event.startTime, true)}`
      : `DTSTART:${stamp(event.startTime, false)}`,
    allDay ? `DTEND;VALUE=DATE:${stamp(end, true)}` : `DTEND:${stamp(end, false)}`,
    `SUMMARY:${text(event.title)}`,
    ...(event.description ? [`DESCRIPTION:${text(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${text(event.location)}`] : []),
    ...(event.repeatInterval
      ? [
          `RRULE:FREQ=${REPEAT_RULES[event.repeatInterval] ?? 'MONTHLY'}${
            event.repeatEndTime ? `;UNTIL=${stamp(event.repeatEndTime, false)}` : ''
          }`,
        ]
      : []),
    ...(event.alarm
      ? [
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `DESCRIPTION:${text(event.title)}`,
          `TRIGGER:-PT${Math.max(0, Math.round(event.alarmOffset))}S`,
          'END:VALARM',
        ]
      : []),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ];
  return lines.join('\r\n');
}
