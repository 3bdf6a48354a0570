/**
 * The tag input's autocomplete: given the library's tags (most used first, as listTags answers),
 * the suggestions for what the reader has typed. Built once per tag list, then cheap per keystroke.
 */
import { tagKey } from '../../common/tags';

interface Candidate {
  name: string;
  key: string;
  /** Where a typed prefix may start a match: the whole tag, each `/` level and each `-` word. */
  starts: number[];
}

export interface TagSuggester {
  /** Up to `limit` tags for `typed`, prefix matches before inner matches, skipping `chosen`. */
  suggest(typed: string, chosen: readonly string[], limit?: number): string[];
}

/** `names` in the order to suggest them (most used first). */
export function tagSuggester(names: readonly string[]): TagSuggester {
  const candidates: Candidate[] = names.map((name) => {
    const key = tagKey(name);
    const starts = [0];
    for (let index = 0; index < key.length; index++) {
      if (key[index] === '/' || key[index] === '-') starts.push(index + 1);
    }
    return { name, key, starts };
  });
  return {
    suggest(typed, chosen, limit = 8) {
      const wanted = tagKey(typed.trim().replace(/\s+/gu, '-'));
      const taken = new Set(chosen.map(tagKey));
      const first: string[] = [];
      const inner: string[] = [];
      for (const candidate of candidates) {
        if (first.length >= limit) break;
        if (taken.has(candidate.key)) continue;
        if (wanted === '' || candidate.key.startsWith(wanted)) first.push(candidate.name);
        else if (
          inner.length < limit &&
          candidate.starts.some((start) => candidate.key.startsWith(wanted, start))
        )
          inner.push(candidate.name);
      }
      return [...first, ...inner].slice(0, limit);
    },
  };
}
