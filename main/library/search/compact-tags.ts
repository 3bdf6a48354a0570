/**
 * Tags as a field of their own in a compact index: a tag word is indexed as TAG_MARK + the word (one
 * dictionary, so prefixes and typos find it as they find text words), found by the same query words
 * and scored at its own, lower weight.
 */
import type { BodyTerm, Expansion } from './compact-scoring';
import type { PostingLists } from './compact-postings';

/** Begins every tag word in the dictionary (no text word holds it: tokenize keeps letters and digits). */
export const TAG_MARK = '\u0001';

export const tagTerm = (word: string): string => `${TAG_MARK}${word}`;
const isTagTerm = (term: string): boolean => term.startsWith(TAG_MARK);

/**
 * The indexed words a query word stands for: text words at their weight, and (when `tagWeight` is
 * set) tag words at `tagWeight` times theirs, named by the word itself (a snippet marks it), each
 * with the id of the same word in the text, whose rarity scores it.
 */
export function expandWithTags(words: PostingLists, term: BodyTerm, tagWeight: number | null): Expansion[] {
  const text = words.expand(term).filter((expansion) => !isTagTerm(expansion.term));
  if (tagWeight === null) return text;
  const tags = words
    .expand({ ...term, term: tagTerm(term.term) })
    .filter((expansion) => isTagTerm(expansion.term))
    .map((expansion) => {
      const word = expansion.term.slice(TAG_MARK.length);
      return {
        termId: expansion.termId,
        term: word,
        weight: expansion.weight * tagWeight,
        textTermId: words.find(word) ?? -1,
      };
    });
  return [...text, ...tags];
}
