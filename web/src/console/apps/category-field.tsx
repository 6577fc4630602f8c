import type { AppCategory } from '@plaza/api-types/console';
import { useEffect, useState } from 'react';
import { appCategories } from './app-categories.ts';

/** The industry category, with its commission; an empty value takes the first category. */
export function CategoryField({ value, onChange }: { value: string; onChange(id: string): void }) {
  const [categories, setCategories] = useState<AppCategory[]>([]);
  useEffect(() => {
    appCategories().then((list) => {
      setCategories(list);
      if (!value && list[0]) onChange(list[0].id);
    });
  }, [value, onChange]);
  return (
    <label>
      Category
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({(c.commission_bps / 100).toFixed(1)}% commission)
          </option>
        ))}
      </select>
    </label>
  );
}
