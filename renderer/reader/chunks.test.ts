import { describe, expect, it } from 'vitest';
import { countBlocks, estimateHeight, splitIntoChunks } from './chunks';

const paragraph = (n: number): string => `Paragraph ${n} ${'word '.repeat(40)}\n\n`;

describe('splitIntoChunks', () => {
  it('leaves small sections whole', () => {
    expect(splitIntoChunks('short\n\ntext', 100)).toEqual(['short\n\ntext']);
  });

  it('cuts long text at blank lines and loses nothing', () => {
    const md = Array.from({ length: 50 }, (_, i) => paragraph(i)).join('');
    const chunks = splitIntoChunks(md, 1000);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('')).toBe(md);
    for (const chunk of chunks) expect(chunk.startsWith('Paragraph')).toBe(true);
  });

  it('also cuts after many short blocks', () => {
    const md = 'CHAPTER I\n\n'.repeat(200);
    const chunks = splitIntoChunks(md, 100_000, 60);
    expect(chunks.length).toBe(4);
    expect(chunks.join('')).toBe(md);
  });

  it('never cuts inside fenced code, lists or indented continuations', () => {
    const code = '```\n' + 'line\n\n'.repeat(100) + '```\n\n';
    const list = '- item\n\n'.repeat(100) + '    continued\n\n';
    const md = paragraph(0) + code + list + paragraph(1);
    const chunks = splitIntoChunks(md, 100, 1000);
    expect(chunks.join('')).toBe(md);
    expect(chunks.map((c) => c.slice(0, 9))).toEqual(['Paragraph', '```\nline\n', 'Paragraph']);
  });
});

describe('estimateHeight', () => {
  it('grows with text and font size', () => {
    const t = { fontSize: 18, lineWidth: 60, lineHeight: 1.5 };
    expect(estimateHeight(6600, 10, t)).toBeGreaterThan(estimateHeight(660, 1, t));
    expect(estimateHeight(6600, 10, { ...t, fontSize: 24 })).toBeGreaterThan(estimateHeight(6600, 10, t));
    expect(estimateHeight(0, 1, t)).toBeGreaterThan(0);
  });

  it('counts blocks', () => {
    expect(countBlocks('a\n\nb\n\n\nc\n')).toBe(3);
  });
});
