import { describe, expect, it } from 'vitest';
import { parseHtml } from './dom';
import { sourceUrlOf } from './page-source';

const urlOf = (html: string) => sourceUrlOf(parseHtml(html), html);

describe('sourceUrlOf', () => {
  it('takes the first canonical link with an href, whatever the case and company of its rel', () => {
    const html = `<html><head><link rel="canonical">
      <link rel="alternate\tCANONICAL" href="https://example.org/a">
      <link rel="canonical" href="https://example.org/b"></head><body></body></html>`;
    expect(urlOf(html)).toBe('https://example.org/a');
  });

  it('does not take a rel that only contains the word', () => {
    const html = `<head><link rel="noncanonical" href="https://example.org/x">
      <meta property="og:url" content="https://example.org/og"></head>`;
    expect(urlOf(html)).toBe('https://example.org/og');
  });

  it('falls back to og:url, then to the “saved from” mark, and takes only http(s)', () => {
    const og = `<head><meta property="OG:URL" content="https://example.org/no">
      <meta property="og:url"><meta property="og:url" content="javascript:alert(1)"></head>`;
    expect(urlOf(og)).toBeNull();
    const saved = `<!-- saved from url=(0025)https://example.org/saved -->
      <html><head><link rel=canonical href="file:///home/me/page.html"></head></html>`;
    expect(urlOf(saved)).toBe('https://example.org/saved');
  });

  it('ignores links inside a template, as querySelector does', () => {
    const html = `<body><template><link rel="canonical" href="https://example.org/t"></template></body>`;
    expect(urlOf(html)).toBeNull();
  });
});
