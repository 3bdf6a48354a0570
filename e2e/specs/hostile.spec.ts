/**
 * A reader imports documents built from published XSS and mutation-XSS payloads (the corpus in
 * e2e/fixtures/hostile/, sources in its README): in the body, the title, the heading that becomes
 * a title, the author and the name of a refused file. Whatever they contain, nothing runs, no
 * dialog opens, the window stays where it is, nothing is fetched, and the app's controls stay usable.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from '../fixtures';
import { dropFiles } from '../harness/drop';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

interface HostileCase {
  id: string;
  source: string;
  payload: string;
}

const CASES = JSON.parse(
  readFileSync(new URL('../fixtures/hostile/cases.json', import.meta.url), 'utf8'),
) as HostileCase[];
/** The documents a new library starts with (documents/: the welcome guide and the sample article). */
const SEEDED = 2;
const BATCH_SIZE = 8;
const batches = Array.from({ length: Math.ceil(CASES.length / BATCH_SIZE) }, (_, index) =>
  CASES.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE),
);

/** Runs in the page: every way a payload could announce itself ends up in `lecternHostile`. */
function installTraps(): void {
  const page = globalThis as unknown as Record<string, unknown> & {
    document: { addEventListener(type: string, listener: (event: Record<string, string>) => void): void };
  };
  const ran: string[] = [];
  const blocked: string[] = [];
  page.lecternHostile = { ran, blocked };
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open'])
    page[name] = (...args: unknown[]) => void ran.push(`${name}(${String(args[0])})`);
  // Chromium reports CSP violations even for markup parsed into inert documents (DOMParser, as in
  // DOMPurify), so these are a record of what was stopped somewhere, not proof of a leak.
  page.document.addEventListener('securitypolicyviolation', (event) =>
    blocked.push(`${event.effectiveDirective} ${event.blockedURI}`),
  );
}

/** What a case may never cause, watched from outside the page. */
class Watch {
  readonly dialogs: string[] = [];
  readonly requests: string[] = [];
  readonly navigations: string[] = [];
  readonly popups: string[] = [];
  private readonly start: URL;

  constructor(private readonly page: Page) {
    this.start = new URL(page.url());
    page.on('dialog', (dialog) => {
      this.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!this.isOwn(request.url())) this.requests.push(request.url());
    });
    page.on('popup', (popup) => this.popups.push(popup.url()));
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = new URL(frame.url());
      if (url.origin !== this.start.origin || url.pathname !== this.start.pathname)
        this.navigations.push(frame.url());
    });
  }

  /** The app's own origin and inline data only. */
  private isOwn(url: string): boolean {
    if (/^(data|blob):/.test(url)) return true;
    try {
      return new URL(url).origin === this.start.origin;
    } catch {
      return false;
    }
  }

  /** What went wrong since the last call, as lines naming `where`; the page's records are emptied. */
  async takeFindings(where: string): Promise<{ broken: string[]; cspBlocked: string[] }> {
    const page = await this.page.evaluate(() => {
      const hostile = (globalThis as unknown as { lecternHostile: { ran: string[]; blocked: string[] } })
        .lecternHostile;
      const copy = { ran: [...hostile.ran], blocked: [...hostile.blocked] };
      hostile.ran.length = 0;
      hostile.blocked.length = 0;
      return copy;
    });
    const broken = [
      ...page.ran.map((call) => `script ran: ${call}`),
      ...this.dialogs.splice(0).map((message) => `dialog: ${message}`),
      ...this.requests.splice(0).map((url) => `request left the app: ${url}`),
      ...this.navigations.splice(0).map((url) => `navigated to ${url}`),
      ...this.popups.splice(0).map((url) => `popup: ${url}`),
    ].map((line) => `${where}: ${line}`);
    return { broken, cspBlocked: page.blocked.map((line) => `${where}: CSP blocked ${line}`) };
  }
}

const yamlString = (text: string): string => JSON.stringify(text);
const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ');

/** Per case: a document with the payload as front-matter title, author and body, and one with it as first heading. */
function documentsFor(hostile: HostileCase): Record<string, string> {
  const withFrontMatter = `---\ntitle: ${yamlString(hostile.payload)}\nauthor: ${yamlString(hostile.payload)}\n---\n\nHostile case ${hostile.id} body.\n\n${hostile.payload}\n\nEnd of hostile case ${hostile.id}.\n`;
  const withHeading = `# ${oneLine(hostile.payload)}\n\nHostile case ${hostile.id} heading.\n`;
  return { [`${hostile.id}-a.md`]: withFrontMatter, [`${hostile.id}-b.md`]: withHeading };
}

/** The app's own controls are on top: a trial click checks that the button itself would receive it. */
async function coveredControls(where: string, buttons: Locator[]): Promise<string[]> {
  const covered: string[] = [];
  for (const button of buttons) {
    try {
      await button.click({ trial: true, timeout: 3000 });
    } catch {
      covered.push(`${where}: ${button} does not receive clicks`);
    }
  }
  return covered;
}

for (const [index, batch] of batches.entries()) {
  test(`hostile content, cases ${batch[0]?.id} to ${batch.at(-1)?.id}: nothing runs, loads or covers the app (batch ${index + 1})`, async ({
    app,
    allowErrors,
  }, testInfo) => {
    test.slow();
    // Chromium logs each inline handler the CSP refuses (even in DOMPurify's inert parse), and
    // the request trap's own self-check below is refused by connect-src: both are the defence working.
    allowErrors(
      /violates the following Content Security Policy directive 'script-src 'self''/,
      /https:\/\/example\.com\/trap-check/,
      /base URI to '[^']*' violates the following Content Security Policy directive: "base-uri 'none'"/,
    );
    const library = new LibraryPage(app.page);
    await library.waitUntilShown();
    // The markup check must be able to fail (run before the traps: this sample is live markup).
    const sample = await app.page.evaluateHandle(() => {
      const view = globalThis as unknown as {
        document: { createElement(name: string): { innerHTML: string } };
      };
      const element = view.document.createElement('div');
      element.innerHTML =
        '<b onclick="x">b</b><a href="javascript:x">a</a><a href="https://example.com/">ok</a>';
      return element;
    });
    expect(
      await sample.evaluate(findActiveMarkup),
      'the markup check sees handlers and bad URLs',
    ).toHaveLength(2);

    await app.page.evaluate(installTraps);
    const watch = new Watch(app.page);
    const broken: string[] = [];
    const cspBlocked: string[] = [];
    const hiddenTail: string[] = [];
    const collect = async (where: string, buttons: Locator[]): Promise<void> => {
      // Broken images and handlers fire asynchronously: give them a moment to try.
      await app.page.waitForTimeout(200);
      const found = await watch.takeFindings(where);
      broken.push(...found.broken, ...(await coveredControls(where, buttons)));
      cspBlocked.push(...found.cspBlocked);
    };

    // The traps themselves must be able to fail: a script that calls alert and fetches is seen.
    await app.page.evaluate(() => {
      (globalThis as unknown as { alert(text: string): void }).alert('trap check');
      void (globalThis as unknown as { fetch(url: string): Promise<unknown> })
        .fetch('https://example.com/trap-check')
        .catch(() => undefined);
    });
    await app.page.waitForTimeout(100);
    const check = await watch.takeFindings('trap check');
    expect(check.broken).toEqual(['trap check: script ran: alert(trap check)']);
    // The CSP stops the fetch before the network (so no request event): the violation is what shows.
    expect(check.cspBlocked).toEqual(['trap check: CSP blocked connect-src https://example.com/trap-check']);

    await dropFiles(app.page, Object.assign({}, ...batch.map(documentsFor)), 'text/markdown');
    // The list is virtualized (only visible rows exist): its count line says when all have arrived.
    await expect(app.page.locator('p.count')).toHaveText(
      new RegExp(`^\\s*${SEEDED + 2 * batch.length} documents`),
    );
    await collect('library list (titles, authors, import toasts)', [
      library.importButton,
      library.trashButton,
    ]);

    const reader = new ReaderPage(app.page);
    for (const hostile of batch) {
      await test.step(`${hostile.id} (${hostile.source})`, async () => {
        // A refused file named with the payload: its name is shown in an error toast.
        await library.dismissToasts();
        await dropFiles(app.page, { [`${hostile.payload}.md`]: '' }, 'text/markdown');
        await expect(app.page.getByRole('alert')).toHaveCount(1);
        await collect(`${hostile.id} as a file name in a toast`, [library.importButton]);
        await library.filter.fill(`case ${hostile.id} body`);
        await library.documents
          .filter({ hasText: `Hostile case ${hostile.id} body.` })
          .locator('button.open')
          .click();
        await reader.waitUntilShown();
        await expect(reader.text.getByText(`Hostile case ${hostile.id} body.`)).toBeVisible();
        if ((await reader.text.getByText(`End of hostile case ${hostile.id}.`).count()) === 0)
          hiddenTail.push(hostile.id);
        const active = await activeMarkup(reader.text);
        broken.push(...active.map((html) => `${hostile.id} rendered active markup: ${html}`));
        await collect(`${hostile.id} in the reader (body, title)`, [
          reader.backButton,
          reader.settingsButton,
        ]);
        await reader.back();
        await library.waitUntilShown();
        await library.filter.fill('');
      });
    }
    await collect('library after reading every case', [library.importButton, library.trashButton]);
    report(testInfo, 'payloads tried', `${batch.length} payloads x 5 places`);
    report(
      testInfo,
      'CSP reports (Chromium raises them for inert parsing too: see installTraps)',
      cspBlocked.join('\n'),
    );
    report(testInfo, 'text after the payload not shown (swallowed)', hiddenTail.join(', '));
    expect(broken, 'nothing ran, opened, navigated, loaded or covered the app').toEqual([]);
  });
}

/** Runs in the page: elements of the rendered document that could run, load or navigate anything. */
function findActiveMarkup(article: unknown): string[] {
  type Node = {
    localName: string;
    outerHTML: string;
    attributes: ArrayLike<{ name: string; value: string }>;
    matches(selector: string): boolean;
  };
  const all = Array.from(
    (article as { querySelectorAll(selector: string): ArrayLike<Node> }).querySelectorAll('*'),
  );
  const dangerousElement =
    /^(script|iframe|frame|embed|object|base|meta|link|style|form|svg|math|template|video|audio)$/;
  const safeUrl = /^(https?:|mailto:|#|data:image\/|lectern:)/i;
  return (
    all
      // The reader's own section and chunk wrappers carry layout styles; the document's markup is inside.
      .filter((element) => !element.matches('section.sec, div.chunk'))
      .filter(
        (element) =>
          dangerousElement.test(element.localName) ||
          Array.from(element.attributes).some(
            (attribute) =>
              /^on/i.test(attribute.name) ||
              attribute.name === 'style' ||
              (/^(href|src|action|formaction|xlink:href|srcdoc)$/i.test(attribute.name) &&
                !safeUrl.test(attribute.value.trim())),
          ),
      )
      .map((element) => element.outerHTML.slice(0, 120))
  );
}

async function activeMarkup(article: Locator): Promise<string[]> {
  return article.evaluate(findActiveMarkup);
}

/** Prints a figure and keeps it in the report, so what the CSP had to stop is never silent. */
function report(testInfo: TestInfo, type: string, description: string): void {
  if (description === '') return;
  testInfo.annotations.push({ type, description });
  console.log(`[hostile] ${type}:\n  ${description.replaceAll('\n', '\n  ')}`);
}
