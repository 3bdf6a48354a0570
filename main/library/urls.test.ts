/** checkExternalUrl on the links a hostile document could carry: local hosts in every spelling, mail attachments. */
import { describe, expect, it } from 'vitest';
import { asksForAttachment, checkExternalUrl, isLocalHost } from './urls';

const refusedBecause = (url: string) => {
  const result = checkExternalUrl(url);
  return result.ok ? null : result.message;
};

describe('checkExternalUrl accepts ordinary links', () => {
  it.each([
    ['https://en.wikipedia.org/wiki/War_and_Peace', 'https://en.wikipedia.org/wiki/War_and_Peace'],
    ['http://example.com/path?q=1#f', 'http://example.com/path?q=1#f'],
    ['HTTPS://Example.COM', 'https://example.com/'],
    ['https://8.8.8.8/', 'https://8.8.8.8/'],
    ['https://172.32.0.1/', 'https://172.32.0.1/'],
    ['https://192.169.0.1/', 'https://192.169.0.1/'],
    ['https://100.128.0.1/', 'https://100.128.0.1/'],
    ['https://[2606:4700:4700::1111]/', 'https://[2606:4700:4700::1111]/'],
    ['https://[2001:db8::ffff:7f00:1]/', 'https://[2001:db8::ffff:7f00:1]/'],
    ['https://localhost.example.com/', 'https://localhost.example.com/'],
    ['https://mylocalhost.org/', 'https://mylocalhost.org/'],
    ['https://locale.fr/', 'https://locale.fr/'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['mailto:a@example.com?subject=Chapter%201&body=Please%20attach%20your%20notes', null],
    ['mailto:a@example.com?subject=Detached%20house', null],
  ])('%s', (url, normalised) => {
    const result = checkExternalUrl(url);
    expect(result).toMatchObject({ ok: true });
    if (normalised !== null) expect(result).toEqual({ ok: true, value: normalised });
  });
});

describe('checkExternalUrl refuses other kinds of link', () => {
  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'lectern://app/index.html',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'not a url',
    '',
    '//example.com',
    'ftp://example.com',
  ])('%s', (url) => {
    expect(checkExternalUrl(url)).toMatchObject({ ok: false, code: 'disallowed-url' });
  });
});

describe('checkExternalUrl refuses this machine and the local network', () => {
  it.each([
    // IPv4 loopback in every form the URL parser accepts
    'http://127.0.0.1:631/admin',
    'http://127.1/',
    'http://127.255.255.254/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://017700000001/',
    'http://%31%32%37.0.0.1/',
    'http://１２７.0.0.1/',
    'http://0/',
    'http://0.0.0.0:8080/',
    // private, shared, link-local, multicast, broadcast
    'http://10.0.0.1/',
    'http://10.255.255.255/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://224.0.0.251/',
    'http://255.255.255.255/',
    // IPv6
    'http://[::1]/',
    'http://[0:0:0:0:0:0:0:1]/',
    'http://[::]/',
    'http://[fc00::1]/',
    'http://[fdff:ffff::1]/',
    'http://[fe80::1]/',
    'http://[febf::1]/',
    'http://[ff02::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[::ffff:192.168.0.1]/',
    'http://[::127.0.0.1]/',
    'http://[64:ff9b::10.0.0.1]/',
    'http://[2002:c0a8:101::1]/',
    // names
    'http://localhost/',
    'http://LOCALHOST./',
    'https://localhost:5173/',
    'http://app.localhost/',
    'http://printer.local/',
  ])('%s', (url) => {
    expect(refusedBecause(url)).toMatch(/your own computer or local network.*copy the link/);
  });
});

describe('checkExternalUrl refuses mail links that attach files', () => {
  it.each([
    'mailto:a@example.com?attach=/etc/passwd',
    'mailto:a@example.com?ATTACH=/etc/passwd',
    'mailto:a@example.com?subject=hi&attachment=file:///home/me/.ssh/id_rsa',
    'mailto:a@example.com?Attachments=C:%5CUsers%5Cme%5Csecret.txt',
    'mailto:a@example.com?%61ttach=/etc/passwd',
    'mailto:a@example.com?%2561ttach=/etc/passwd',
    'mailto:a@example.com?%252561%252574tach=/etc/passwd',
    'mailto:a@example.com?x-attach=/etc/passwd',
    'mailto:a@example.com?body=hi;attach=/etc/passwd',
    'mailto:a@example.com?subject=x%26attach%3D/etc/passwd',
    'mailto:a@example.com%3Fattach=/etc/passwd',
    'mailto:?to=a@example.com&attach=/etc/passwd',
    'mailto:a@example.com?attach',
    'mailto:a@example.com?%E0%A4%A&attach=/etc/passwd',
  ])('%s', (url) => {
    expect(refusedBecause(url)).toMatch(/attach a file.*copy the link/);
  });
});

describe('the helpers on their own', () => {
  it('asksForAttachment does not see "attach" inside a value', () => {
    expect(asksForAttachment('mailto:a@b.c?body=I%20attach%20nothing')).toBe(false);
    expect(asksForAttachment('mailto:attach@b.c')).toBe(false);
  });

  it('isLocalHost distrusts an IPv6 form it cannot read', () => {
    expect(isLocalHost('[1:2:3]')).toBe(true);
    expect(isLocalHost('[1::2::3]')).toBe(true);
    expect(isLocalHost('[2606:4700:4700::1111]')).toBe(false);
    expect(isLocalHost('example.com')).toBe(false);
    expect(isLocalHost('256.1.1.1')).toBe(false);
  });
});
