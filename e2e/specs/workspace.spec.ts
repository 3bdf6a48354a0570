/**
 * The highlights workspace: a reader finds every passage she highlighted in two documents, narrows
 * them by tag and colour and opens one in its document; selects three and tags them at once, then
 * undoes it; and a library without highlights says how to make some.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type LecternTestApp } from '../fixtures';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';
import { WorkspacePage } from '../models/workspace-page';

const RIVERS = `# Field Notes

The first paragraph talks about rivers and mountains, and how water finds its way around every stone.

In spring the meltwater comes down in a rush, brown with the soil of the high pastures.

The closing paragraph returns to the river at dusk, where the light turns copper and the swallows feed.
`;
const MILL = `# The Old Mill

The old mill burned down in the winter of 1902, and the miller moved his family to the town.

Nobody rebuilt the wheel; the race silted up and became a ditch full of watercress.
`;

/** axe-core's WCAG 2.0/2.1 A and AA violations on the page, as "rule: nodes" lines (none expected). */
async function axeViolations(page: Page): Promise<string[]> {
  // Toasts rise and fade in: axe reads the colours on screen.
  await page.waitForTimeout(400);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function libraryWithHighlights(app: LecternTestApp, scratchDir: string): Promise<WorkspacePage> {
  const files = [join(scratchDir, 'field-notes.md'), join(scratchDir, 'old-mill.md')];
  await writeFile(files[0] as string, RIVERS);
  await writeFile(files[1] as string, MILL);
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, files);
  await expect(library.openButton('The Old Mill')).toBeVisible();
  await library.dismissToasts();
  const workspace = new WorkspacePage(app.page);
  await workspace.seed([
    {
      title: 'Field Notes',
      quote: 'how water finds its way around every stone',
      color: 'green',
      tags: ['rivers/water'],
    },
    {
      title: 'Field Notes',
      quote: 'brown with the soil of the high pastures',
      color: 'yellow',
      tags: ['rivers'],
    },
    {
      title: 'Field Notes',
      quote: 'the light turns copper and the swallows feed',
      color: 'pink',
      note: 'Copper <b>light</b> — compare *Turner*.',
    },
    { title: 'The Old Mill', quote: 'burned down in the winter of 1902', color: 'green', tags: ['history'] },
    { title: 'The Old Mill', quote: 'became a ditch full of watercress', color: 'blue' },
  ]);
  await workspace.openFromLibrary();
  await expect(workspace.options).toHaveCount(5);
  return workspace;
}

test('filters the workspace by tag and colour and opens a passage in its document', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const workspace = await libraryWithHighlights(app, scratchDir);
  // Grouped by document, each in the order of its text; the note shows as text, never as markup.
  await expect(workspace.options.first()).toContainText('how water finds its way');
  await expect(workspace.option(/swallows/)).toContainText('Copper <b>light</b>');
  await expect(workspace.review).toBeVisible();
  await saveScreenshot('workspace-light');
  expect(await axeViolations(app.page)).toEqual([]);

  await workspace.tag.selectOption('rivers');
  await expect(workspace.options).toHaveCount(2);
  await workspace.colour('Green').click();
  await expect(workspace.colour('Green')).toHaveAttribute('aria-pressed', 'true');
  await expect(workspace.options).toHaveCount(1);
  await expect(app.page.getByRole('status').filter({ hasText: '1 of 5 highlights' })).toBeVisible();

  const only = workspace.option(/how water finds its way/);
  await only.click();
  await expect(only).toHaveAttribute('aria-selected', 'true');
  await app.page.keyboard.press('Enter');
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await reader.expectOnScreen(reader.text.getByText(/how water finds its way/), 'the passage is on screen');

  // Back returns to the workspace as it was left: the same filters, the opened row focused.
  await app.page.getByRole('button', { name: 'Back to highlights' }).click();
  await expect(workspace.heading).toBeVisible();
  await expect(workspace.tag).toHaveValue('rivers');
  await expect(workspace.colour('Green')).toHaveAttribute('aria-pressed', 'true');
  await expect(workspace.options).toHaveCount(1);
  await expect(only).toBeFocused();
  await expect(only).toHaveAttribute('aria-selected', 'true');
  // The menu's Show Library (like the workspace's own Back) still leads to the library.
  await app.page.keyboard.press('Enter');
  await reader.waitUntilShown();
  await app.emit('menuCommand', 'show-library');
  await expect(app.page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
});

test('selects three highlights with the keyboard and the mouse, tags them at once, and undoes it', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const workspace = await libraryWithHighlights(app, scratchDir);
  // Keyboard: Space selects, Shift+↓ extends over the next ones (skipping the group heading).
  await workspace.options.first().focus();
  await app.page.keyboard.press('Space');
  await app.page.keyboard.press('Shift+ArrowDown');
  await app.page.keyboard.press('Shift+ArrowDown');
  await app.page.keyboard.press('Shift+ArrowDown');
  await expect(workspace.bulkBar.getByRole('status')).toHaveText('4 selected');
  await app.page.keyboard.press('Escape');
  await expect(workspace.bulkBar.getByRole('status')).toHaveText('5 highlights');
  await expect(workspace.bulkBar.getByRole('button', { name: 'Tag…' })).toBeDisabled();

  // Mouse: a click, then Shift+click three rows down (across the second document's heading).
  await workspace.option(/swallows/).click();
  await workspace.option(/winter of 1902/).click({ modifiers: ['Shift'] });
  await expect(workspace.bulkBar.getByRole('status')).toHaveText('2 selected');
  await workspace.option(/how water finds/).click({ modifiers: ['ControlOrMeta'] });
  await expect(workspace.bulkBar.getByRole('status')).toHaveText('3 selected');

  await workspace.tagSelection('reread');
  await expect(app.page.getByText('Tagged 3 highlights #reread.')).toBeVisible();
  await expect(workspace.options.filter({ hasText: '#reread' })).toHaveCount(3);
  await expect(workspace.option(/watercress/)).not.toContainText('#reread');
  await workspace.page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot('workspace-bulk-dark');
  expect(await axeViolations(app.page)).toEqual([]);
  await workspace.page.emulateMedia({ colorScheme: 'light' });

  await app.page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.page.getByText('Put back 3 highlights.')).toBeVisible();
  await expect(workspace.options.filter({ hasText: '#reread' })).toHaveCount(0);
  await expect(workspace.option(/how water finds/)).toContainText('#rivers/water');
});

test('a library without highlights says how to make some', async ({ app, saveScreenshot }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  const workspace = new WorkspacePage(app.page);
  await workspace.openFromLibrary();
  await expect(app.page.getByText('No highlights yet')).toBeVisible();
  await expect(workspace.review).toBeHidden();
  await saveScreenshot('workspace-empty-light');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await saveScreenshot('workspace-empty-dark');
});
