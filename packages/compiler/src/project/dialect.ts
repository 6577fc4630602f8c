export type Dialect = 'tt' | 'wx';

/** The file extensions and API namespace of each dialect. */
export const dialects = {
  tt: { template: '.ttml', style: '.ttss', module: '.sjs', moduleTag: 'sjs', namespace: 'tt' },
  wx: { template: '.wxml', style: '.wxss', module: '.wxs', moduleTag: 'wxs', namespace: 'wx' },
} as const;

/** Douyin if its files outnumber WeChat's (`.ttml`/`.ttss`/`.sjs`), WeChat if the reverse; `undefined` with neither. */
export function detectDialect(files: readonly string[]): Dialect | undefined {
  let tt = 0;
  let wx = 0;
  for (const file of files) {
    if (/\.(ttml|ttss|sjs)$/.test(file)) tt++;
    else if (/\.(wxml|wxss|wxs)$/.test(file)) wx++;
  }
  if (!tt && !wx) return undefined;
  return tt > wx ? 'tt' : 'wx';
}
