/** The two mini-program dialects Plaza builds: Douyin (`tt`) and WeChat (`wx`). */
export type Dialect = 'tt' | 'wx';

export function isDialect(value: unknown): value is Dialect {
  return value === 'tt' || value === 'wx';
}
