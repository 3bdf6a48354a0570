import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../test-support';
import { answerAsset, resolveAssetPath } from './asset-resolver';

const ID = '0123456789abcdef';
const NAME = '3f2a9c0b1d4e5f6a7b8c.png';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

let root = '';
let documentsDir = '';

beforeEach(async () => {
  root = await makeTempDir();
  documentsDir = path.join(root, 'documents');
  await fs.mkdir(path.join(documentsDir, ID, 'assets'), { recursive: true });
  await fs.writeFile(path.join(documentsDir, ID, 'assets', NAME), PNG);
  await fs.writeFile(path.join(root, 'library.json'), '{"secret":true}');
});
afterEach(() => removeDir(root));

describe('resolveAssetPath', () => {
  it("finds a document's picture with its content type", async () => {
    const found = await resolveAssetPath(documentsDir, `/${ID}/${NAME}`);
    expect(found).toEqual({
      ok: true,
      file: await fs.realpath(path.join(documentsDir, ID, 'assets', NAME)),
      contentType: 'image/png',
    });
  });

  it('refuses traversal, escapes, other names and missing files', async () => {
    for (const pathname of [
      `/${ID}/../../library.json`,
      `/${ID}/..%2f..%2flibrary.json`,
      `/${ID}/%2e%2e/${NAME}`,
      `/${ID}/assets/${NAME}`,
      `/${ID}/${NAME.replace('.png', '.svg')}`,
      `/${ID}/${NAME.replace('.png', '.html')}`,
      `/${ID}/${NAME.toUpperCase()}`,
      `/${ID}/${NAME}/`,
      `/${ID}//${NAME}`,
      `//${ID}/${NAME}`,
      `/${ID.slice(1)}/${NAME}`,
      `/fedcba9876543210/${NAME}`,
      `/${ID}/0000000000000000000a.png`,
      `/${ID}/${NAME}\0`,
      '/',
      '',
    ]) {
      expect(await resolveAssetPath(documentsDir, pathname), pathname).toEqual({ ok: false, status: 404 });
    }
  });

  it('refuses a picture that is a symlink out of its folder, and a symlinked assets folder', async () => {
    const outside = path.join(root, 'outside.png');
    await fs.writeFile(outside, PNG);
    const linkName = 'aaaaaaaaaaaaaaaaaaaa.png';
    await fs.symlink(outside, path.join(documentsDir, ID, 'assets', linkName));
    expect(await resolveAssetPath(documentsDir, `/${ID}/${linkName}`)).toEqual({ ok: false, status: 404 });
    const otherId = 'fedcba9876543210';
    await fs.mkdir(path.join(documentsDir, otherId));
    await fs.symlink(path.join(documentsDir, ID, 'assets'), path.join(documentsDir, otherId, 'assets'));
    expect(await resolveAssetPath(documentsDir, `/${otherId}/${NAME}`)).toEqual({ ok: false, status: 404 });
  });

  it('refuses a folder with a picture name', async () => {
    const folderName = 'bbbbbbbbbbbbbbbbbbbb.gif';
    await fs.mkdir(path.join(documentsDir, ID, 'assets', folderName));
    expect(await resolveAssetPath(documentsDir, `/${ID}/${folderName}`)).toEqual({ ok: false, status: 404 });
  });
});

describe('answerAsset', () => {
  it('answers the bytes as an image, never sniffed, sandboxed', async () => {
    const answer = await answerAsset(documentsDir, `/${ID}/${NAME}`);
    expect(answer.status).toBe(200);
    expect(Buffer.from(answer.body).equals(Buffer.from(PNG))).toBe(true);
    expect(answer.headers).toMatchObject({
      'Content-Type': 'image/png',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': expect.stringContaining("default-src 'none'"),
    });
  });

  it('answers 404 with the same headers for anything else', async () => {
    const answer = await answerAsset(documentsDir, '/../library.json');
    expect(answer.status).toBe(404);
    expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
  });
});
