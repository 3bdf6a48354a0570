/**
 * A reader imports a web page saved with its pictures, an EPUB book and an Arabic page: the page
 * shows its pictures with no network, the book its chapters in the contents, the Arabic page reads
 * right to left; a broken book is refused by name.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { expect, test } from '../fixtures';
import { writeFiles } from '../harness/files';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** A real picture: the cover of one of the EPUB samples (CC BY-SA 3.0, see ATTRIBUTION.md). */
async function coverPicture(bookName: string): Promise<Uint8Array> {
  const book = unzipSync(new Uint8Array(await readFile(join(FIXTURES, 'epub', bookName))));
  const cover = Object.entries(book).find(([name]) => /\.png$/i.test(name));
  if (!cover) throw new Error('the sample book has no PNG');
  return cover[1];
}

/** Three paragraphs of War and Peace (Book Three, chapter XVI), as a blog would have them. */
async function warAndPeaceParagraphs(): Promise<string[]> {
  const text = (await readFile(join(FIXTURES, 'books', 'war-and-peace.txt'), 'utf8')).replaceAll(
    '\r\n',
    '\n',
  );
  const start = text.indexOf('Prince Andrew was lying on the Pratzen Heights');
  const from = start >= 0 ? start : text.indexOf('\n\n', text.length / 4);
  return text
    .slice(from, from + 6000)
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.length > 200)
    .slice(0, 3)
    .map((paragraph) => paragraph.replace(/\s+/g, ' '));
}

async function savedPage(dataPicture: Uint8Array): Promise<string> {
  const [first, second, third] = await warAndPeaceParagraphs();
  const dataUrl = `data:image/png;base64,${Buffer.from(dataPicture).toString('base64')}`;
  return `<!doctype html><!-- saved from url=(0044)https://example.org/essays/austerlitz-sky.html -->
<html lang="en"><head><meta charset="utf-8"><title>The Sky over Austerlitz</title>
<meta property="og:site_name" content="Slow Reading Weekly"><script>alert('never')</script></head>
<body><nav><a href="/">Home</a> · <a href="/about">About</a></nav>
<article><h1>The Sky over Austerlitz</h1><p class="byline">By A. Reader</p>
<p>${first}</p>
<figure><img src="${dataUrl}" alt="A cover in the sun" width="320"><figcaption>Saved inline as a data: URL.</figcaption></figure>
<p>${second}</p>
<figure><img src="austerlitz_files/plate.png" alt="The same cover, from the _files folder" width="200"><figcaption>Saved beside the page.</figcaption></figure>
<p>${third}</p>
<p><img src="https://example.org/remote.jpg" alt="a remote picture"></p>
</article></body></html>`;
}

// Articles 1 to 3 of the Universal Declaration of Human Rights in Arabic (United Nations).
const ARABIC_PAGE = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الإعلان العالمي لحقوق الإنسان</title></head><body><article>
<h1>الإعلان العالمي لحقوق الإنسان</h1>
<p>المادة 1: يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وهم قد وهبوا العقل والوجدان وعليهم أن يعاملوا بعضهم بعضًا بروح الإخاء.</p>
<p>المادة 2: لكل إنسان حق التمتع بجميع الحقوق والحريات المذكورة في هذا الإعلان، دونما تمييز من أي نوع، ولا سيما التمييز بسبب العنصر، أو اللون، أو الجنس، أو اللغة، أو الدين، أو الرأي سياسيًا وغير سياسي، أو الأصل الوطني أو الاجتماعي، أو الثروة، أو المولد، أو أي وضع آخر.</p>
<p>المادة 3: لكل فرد حق في الحياة والحرية وفي الأمان على شخصه.</p>
</article></body></html>`;

test('a saved web page shows its pictures offline, and a remote one as its alt text', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const requests: string[] = [];
  app.page.on('request', (request) => requests.push(request.url()));
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  const [pagePath] = await writeFiles(scratchDir, {
    'austerlitz.html': await savedPage(await coverPicture('childrens-literature.epub')),
  });
  // "Web page, complete" keeps the page's pictures in a folder beside it.
  await mkdir(join(scratchDir, 'austerlitz_files'));
  await writeFiles(join(scratchDir, 'austerlitz_files'), {
    'plate.png': await coverPicture('georgia-cfi.epub'),
  });

  await library.importThroughDialog(app, [pagePath as string]);
  await library.open('The Sky over Austerlitz');
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  const pictures = reader.text.getByRole('img');
  await expect(pictures.first()).toBeVisible();
  const loaded = await pictures.evaluateAll((images) =>
    images.map((image) => {
      const { naturalWidth, src } = image as unknown as { naturalWidth: number; src: string };
      return { naturalWidth, src };
    }),
  );
  expect(loaded).toHaveLength(2);
  for (const image of loaded) {
    expect(image.naturalWidth, image.src).toBeGreaterThan(0);
    expect(image.src).toMatch(/\/lectern-asset\/[0-9a-f]{16}\/[0-9a-f]{20}\.png$/);
  }
  await expect(reader.text.getByText(/a remote picture/)).toBeVisible();
  await expect(reader.text).not.toContainText('never');
  const origin = new URL(app.page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  await reader.text.getByRole('img').first().scrollIntoViewIfNeeded();
  await saveScreenshot('web-article-picture');
});

test('an EPUB reads with its contents; a broken book is refused by name', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  const book = await readFile(join(FIXTURES, 'epub', 'childrens-literature.epub'));
  const zipSlip = zipSync({
    mimetype: strToU8('application/epub+zip'),
    '../../escape.xhtml': strToU8('<html><body>out of the book</body></html>'),
  });
  const paths = await writeFiles(scratchDir, {
    'childrens-literature.epub': new Uint8Array(book),
    'not-a-book.epub': 'Chapter 1\n\nThis is a text file wearing a book’s name.\n',
    'zip-slip.epub': zipSlip,
  });

  await library.importThroughDialog(app, paths);
  await expect(library.openButton("Children's Literature")).toBeVisible();
  await expect(library.alert('not-a-book.epub')).toContainText('not an EPUB');
  await expect(library.alert('zip-slip.epub')).toBeVisible();

  await library.open("Children's Literature");
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  // Never read: it opens where the book's bodymatter landmark says, past cover and contents.
  await expect(reader.text.getByRole('heading', { name: 'INTRODUCTORY' })).toBeInViewport();
  await reader.openContents();
  await expect(reader.toc.getByRole('link').or(reader.toc.getByRole('button')).first()).toBeVisible();
  const heading = await reader.jumpTo('THE CONTENTS');
  await expect(heading).toBeVisible();
  await saveScreenshot('epub-chapter');
  // A link of the book's own contents page goes to its chapter inside the document: the target
  // keeps the sanitizer's user-content- prefix and the contents marks the chapter current.
  await expect(app.page.locator('[id="user-content-c3-pgepubid00498"]')).toHaveCount(1);
  await reader.text
    .getByRole('link', { name: /INTRODUCTORY/ })
    .first()
    .click();
  await expect(await reader.tocEntry('INTRODUCTORY')).toHaveAttribute('aria-current', 'location');
  // The book's anchor ends the section before the chapter: the chapter's heading is what shows.
  await expect(reader.text.getByRole('heading', { name: 'INTRODUCTORY' })).toBeInViewport();
});

test('an Arabic page reads right to left', async ({ app, scratchDir, saveScreenshot }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  const [pagePath] = await writeFiles(scratchDir, { 'udhr-ar.html': ARABIC_PAGE });
  await library.importThroughDialog(app, [pagePath as string]);
  await library.open('الإعلان العالمي لحقوق الإنسان');
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  const body = reader.text.locator('.sections');
  await expect(body).toHaveAttribute('dir', 'rtl');
  await expect(body).toHaveAttribute('lang', 'ar');
  await expect(reader.text.getByRole('heading', { level: 1 }).first()).toHaveAttribute('dir', 'rtl');
  const paragraph = reader.text.getByText(/يولد جميع الناس/);
  await expect(paragraph).toBeVisible();
  expect(await paragraph.evaluate(computedDirection)).toBe('rtl');
  await saveScreenshot('rtl-page');
});

/** Runs in the page: the direction the text is laid out in. */
function computedDirection(element: unknown): string {
  const view = globalThis as unknown as { getComputedStyle(el: unknown): { direction: string } };
  return view.getComputedStyle(element).direction;
}
