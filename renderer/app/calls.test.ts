import { describe, expect, it } from 'vitest';
import type { LecternApi } from '../../preload/api';
import { call, failureDetails, failureOf, failureToast } from './calls';

// Only the methods a test calls; the rest are never touched.
const fakeApi = (methods: Partial<LecternApi>): LecternApi => methods as LecternApi;

describe('call', () => {
  it('passes a success through with its value', async () => {
    const api = fakeApi({ listTrash: async () => ({ ok: true, value: [] }) });
    expect(await call(api, 'listTrash')).toEqual({ ok: true, value: [] });
  });

  it('keeps the core’s code and message and names the method', async () => {
    const api = fakeApi({
      deleteDocument: async () => ({
        ok: false,
        code: 'read-only',
        message: 'The library folder is read-only',
      }),
    });
    const settled = await call(api, 'deleteDocument', 'abcdef0123456789');
    expect(settled).toMatchObject({ ok: false, method: 'deleteDocument', code: 'read-only' });
  });

  it('turns a rejected call into an internal failure instead of rejecting', async () => {
    const api = fakeApi({
      openDocument: () => Promise.reject(new Error('Error invoking remote method: EPIPE')),
    });
    const settled = await call(api, 'openDocument', 'abcdef0123456789');
    expect(settled).toMatchObject({
      ok: false,
      code: 'internal',
      message: 'Error invoking remote method: EPIPE',
    });
  });

  it('turns a synchronous throw into a failure too', async () => {
    const api = fakeApi({
      listDocuments: () => {
        throw new TypeError('window.lectern.listDocuments is not a function');
      },
    });
    expect(await call(api, 'listDocuments')).toMatchObject({ ok: false, code: 'internal' });
  });
});

describe('failureToast', () => {
  const failure = failureOf('deleteDocument', 'io', 'EACCES: permission denied, rename ‘documents/a.md’');

  it('says what failed, then why, as two sentences', () => {
    const toast = failureToast('Could not move “War and Peace” to the trash', failure);
    expect(toast.kind).toBe('error');
    expect(toast.message).toBe(
      'Could not move “War and Peace” to the trash. EACCES: permission denied, rename ‘documents/a.md’.',
    );
  });

  it('does not double a full stop the core already wrote', () => {
    const toast = failureToast(
      'Could not open the document.',
      failureOf('openDocument', 'io', 'Disk is full.'),
    );
    expect(toast.message).toBe('Could not open the document. Disk is full.');
  });

  it('offers Copy details and stays open after copying', () => {
    const toast = failureToast('Could not rename', failure);
    expect(toast.action).toMatchObject({ label: 'Copy details', keepOpen: true });
  });
});

describe('failureDetails', () => {
  it('names method, code, message, time and app', () => {
    const failure = {
      ...failureOf('saveAnchors', 'disk-full', 'No space left'),
      at: '2026-12-03T07:00:00.000Z',
    };
    expect(failureDetails(failure, 'Mozilla/5.0 lectern/0.1.0 Electron/41.7.1').split('\n')).toEqual([
      'Method: saveAnchors',
      'Code: disk-full',
      'Message: No space left',
      'Time: 2026-12-03T07:00:00.000Z',
      'App: Mozilla/5.0 lectern/0.1.0 Electron/41.7.1',
    ]);
  });
});
