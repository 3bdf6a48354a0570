import { describe, expect, it } from 'vitest';
import { safeUrl } from './sanitize';
import { linkAction } from './links';

describe('safeUrl', () => {
  it('allows http, https, mailto and fragments', () => {
    expect(safeUrl('https://example.org/a?b=1#c')).toBe('https://example.org/a?b=1#c');
    expect(safeUrl('http://example.org')).toBe('http://example.org/');
    expect(safeUrl('mailto:leo@example.org')).toBe('mailto:leo@example.org');
    expect(safeUrl('#chapter-i')).toBe('#chapter-i');
    expect(safeUrl('  https://example.org  ')).toBe('https://example.org/');
  });

  it('refuses scripts, files, relative and odd URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'file:///etc/passwd',
      'lectern://doc/x',
      'chapter2.md',
      '/etc/passwd',
      '//evil.example/x',
      '#',
      '',
      'http://',
    ]) {
      expect(safeUrl(url), url).toBeNull();
    }
  });
});

describe('linkAction', () => {
  it('sorts links into fragment, external and inert', () => {
    expect(linkAction('#book-one')).toEqual({ kind: 'fragment', id: 'book-one' });
    expect(linkAction('#caf%C3%A9')).toEqual({ kind: 'fragment', id: 'café' });
    expect(linkAction('https://example.org')).toEqual({ kind: 'external', url: 'https://example.org/' });
    expect(linkAction('javascript:alert(1)')).toEqual({ kind: 'inert' });
    expect(linkAction(null)).toEqual({ kind: 'inert' });
  });
});
