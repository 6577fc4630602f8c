import { describe, expect, it } from 'vitest';
import { platformWords } from './platform-dictionary.ts';
import { createSegmenter, queryGroups } from './search-terms.ts';

const segmenter = createSegmenter(platformWords);
const options = (query: string) =>
  queryGroups(segmenter, query, () => []).map((g) =>
    g.options.map((o) => o.terms.map((t) => t.term).join('+')),
  );

describe('query groups', () => {
  it('asks for a word the dictionary holds as that word only', () => {
    // jieba's own dictionary and the platform's: documents cut them whole too.
    expect(options('上海 拉面')).toEqual([['上海'], ['拉面']]);
    expect(options('兰州拉面')).toEqual([['兰州拉面']]);
  });

  it('also asks for the characters of a word jieba only guessed, which a document may cut otherwise', () => {
    expect(options('粉之家')).toEqual([['粉之家', '粉+之+家']]);
    const [group] = queryGroups(segmenter, '粉之家', () => []);
    expect(group?.options[1]?.phrase).toBe('粉之家');
  });

  it('learns the operator’s words as held by the dictionary', () => {
    const own = createSegmenter(platformWords);
    expect(own.holds('粉之家')).toBe(false);
    own.addWords(['粉之家']);
    expect(own.holds('粉之家')).toBe(true);
    expect(queryGroups(own, '粉之家', () => []).map((g) => g.options.length)).toEqual([1]);
  });
});
