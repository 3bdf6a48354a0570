/** Data the search tests share. */

/** Text a library holds: accents, curly quotes, CJK, an emoji (a surrogate pair) and a lone surrogate. */
export const UNKIND = [
  '“Well, Prince,” said Anna Pávlovna Schérer — 1805.',
  '戦争と平和 第一巻',
  'Natásha 👩‍🎤 sang',
  'broken \ud800 half',
  '',
  'a\u2028line\u0000sep',
];
