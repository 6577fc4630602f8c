import { describe, expect, it } from 'vitest';
import { licencePlate } from './licence-plate.ts';

describe('licence plate numbers', () => {
  it('take the mainland forms (five characters, six for new energy, a trailer or learner mark) and normalise them', () => {
    expect(licencePlate('京A12345')).toBe('京A12345');
    expect(licencePlate('粤b·d12345')).toBe('粤BD12345');
    expect(licencePlate('沪A 1234学')).toBe('沪A1234学');
  });

  it('refuse what is not one: no province, the letters I and O, the wrong length', () => {
    expect(licencePlate('AA12345')).toBeUndefined();
    expect(licencePlate('京I12345')).toBeUndefined();
    expect(licencePlate('京A1234')).toBeUndefined();
    expect(licencePlate('京A1234567')).toBeUndefined();
  });
});
