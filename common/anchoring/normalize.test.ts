import { describe, expect, it } from 'vitest';
import { isBlank, isSpace } from './normalize';

describe('white space', () => {
  it('is exactly what String.trim removes, for every UTF-16 code unit', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      expect(isSpace(code), `U+${code.toString(16)}`).toBe(char.trim() === '');
    }
  });

  it('finds blank texts as trim does, at any length', () => {
    for (const text of ['', ' ', '\u3000\n\t', ' a ', 'a', '\u00a0\u00a0x', '\ufeff', '\u0085', '\u200b']) {
      expect(isBlank(text), JSON.stringify(text)).toBe(text.trim() === '');
    }
  });
});
