import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { handler, internalFailure, parseArguments } from './handler-factory';

const schema = z.tuple([z.string()]);

describe('handler', () => {
  it('answers invalid-argument without calling the service', async () => {
    const call = vi.fn();
    const answer = await handler('renameDocument', schema, call, vi.fn())(42);
    expect(answer).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(answer.ok ? '' : answer.message).toContain('renameDocument');
    expect(call).not.toHaveBeenCalled();
  });

  it('turns an unexpected throw into a logged internal failure', async () => {
    const log = vi.fn();
    const boom = new Error('EIO: i/o error, rename');
    const answer = await handler('deleteDocument', schema, () => Promise.reject(boom), log)('x');
    expect(answer).toEqual({
      ok: false,
      code: 'internal',
      message: 'Lectern could not complete deleteDocument: EIO: i/o error, rename',
    });
    expect(log).toHaveBeenCalledWith('deleteDocument failed', boom);
  });

  it('passes the service result through', async () => {
    const answer = await handler(
      'deleteDocument',
      schema,
      async () => ({ ok: true, value: null }),
      vi.fn(),
    )('x');
    expect(answer).toEqual({ ok: true, value: null });
  });

  it('refuses input that makes the validator itself throw', () => {
    const exploding = z.tuple([z.string()]).transform(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(parseArguments('listDocuments', exploding, ['x'])).toMatchObject({
      ok: false,
      code: 'invalid-argument',
      message: 'Invalid arguments for listDocuments: too large or too deeply nested',
    });
  });

  it('words non-Error throws', () => {
    expect(internalFailure('getSettings', 'disk gone').message).toBe(
      'Lectern could not complete getSettings: disk gone',
    );
  });
});
