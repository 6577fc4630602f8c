import { useState } from 'react';

/** A day as the date inputs and the API read it (UTC). */
export const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

// A type, not an interface: it is passed where a query's record of fields is expected.
export type DayRange = { from: string; to: string };

/** A period ending today that began `daysBack` days ago, and its setter. */
export function useDayRange(daysBack: number) {
  return useState<DayRange>(() => ({
    from: isoDay(Date.now() - daysBack * 86_400_000),
    to: isoDay(Date.now()),
  }));
}

/** From and To date fields that keep From ≤ To; a field cleared by the user changes nothing. */
export function DayRangeFields(props: {
  range: DayRange;
  onChange(range: DayRange): void;
  toLabel?: string;
}) {
  const { range, onChange } = props;
  return (
    <>
      <label>
        From
        <input
          type="date"
          value={range.from}
          max={range.to}
          onChange={(e) => e.target.value && onChange({ ...range, from: e.target.value })}
        />
      </label>
      <label>
        {props.toLabel ?? 'To'}
        <input
          type="date"
          value={range.to}
          min={range.from}
          onChange={(e) => e.target.value && onChange({ ...range, to: e.target.value })}
        />
      </label>
    </>
  );
}
