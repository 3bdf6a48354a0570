/**
 * The one check a link must pass before the system browser opens it: http(s) with a host,
 * or mailto; no credentials. Pure, so the renderer-facing handler and tests share it.
 */
import type { Result } from '../../preload/api';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function checkExternalUrl(url: string): Result<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('This is not a valid link.');
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) {
    return refuse(`Links of type “${parsed.protocol}” are not opened outside Lectern.`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return refuse('Links that carry a user name or password are not opened.');
  }
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') {
    return refuse('This link has no host.');
  }
  return { ok: true, value: parsed.href };
}

function refuse(message: string): Result<string> {
  return { ok: false, code: 'disallowed-url', message };
}
