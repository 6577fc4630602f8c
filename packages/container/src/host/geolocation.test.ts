import { describe, expect, it } from 'vitest';
import { calendarFile } from './calendar-file.ts';
import { toGcj02 } from './geolocation.ts';

describe('GCJ-02 coordinates', () => {
  it('shift a position in China by the published transform, and leave one outside China as it is', () => {
    // The reference pair of the common implementations (coordtransform's wgs84togcj02).
    const shifted = toGcj02(39.915, 116.404);
    expect(shifted.latitude).toBeCloseTo(39.91640428150164, 10);
    expect(shifted.longitude).toBeCloseTo(116.41024449916938, 10);
    expect(toGcj02(48.8566, 2.3522)).toEqual({ latitude: 48.8566, longitude: 2.3522 });
  });
});

describe('calendar files', () => {
  it('write an all-day event as dates, lasting the day, with no alarm when none is asked', () => {
    const ics = calendarFile(
      {
        title: 'Holiday',
        startTime: 1_800_000_000,
        allDay: true,
        description: 'line one\nline two',
        location: '',
        alarm: false,
        alarmOffset: 0,
      },
      'uid-1',
      new Date(Date.UTC(2026, 11, 7, 14, 0, 0)),
    );
    expect(ics.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Plaza//Mini program calendar//EN',
      'BEGIN:VEVENT',
      'UID:uid-1',
      'DTSTAMP:20261207T140000Z',
      'DTSTART;VALUE=DATE:20270115',
      'DTEND;VALUE=DATE:20270116',
      'SUMMARY:Holiday',
      'DESCRIPTION:line one\\nline two',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });
});
