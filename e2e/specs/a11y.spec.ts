/**
 * The accessibility audit: axe-core (WCAG 2.0/2.1, A and AA) over every main view and state —
 * library, empty library, reader with highlights and both panels, the highlight toolbar and
 * popover, reading settings, trash, dialogs, toasts — in every theme. Zero violations.
 * Rules disabled, each with its reason: none.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage, type ThemeName } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';
import { TrashPage } from '../models/trash-page';

const TITLE = 'Field Notes';
const NOTES = `---
title: ${TITLE}
author: Gilbert White
---

# ${TITLE}

## Rivers

The first paragraph talks about *rivers* and **mountains**, and how water finds its way around every stone. See [the river survey](https://example.org/rivers) for the map, and the note below.

- A list item about the heron standing still in the shallows.
- Another item about the kingfisher and its flash of blue.

## Evening

The closing paragraph returns to the river at dusk, where the light turns copper and the swallows feed.
`;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Found {
  state: string;
  rule: string;
  nodes: string[];
}

async function scan(page: Page, state: string, found: Found[]): Promise<void> {
  // Let entrance animations (toasts rise, dialogs appear) finish: axe reads the colours on screen.
  await page.waitForTimeout(400);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  for (const v of results.violations) {
    const nodes = v.nodes.map(
      (n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
    );
    found.push({ state, rule: `${v.id} (${v.impact ?? ''})`, nodes });
  }
}

for (const theme of ['Light', 'Dark', 'Sepia'] as const satisfies readonly ThemeName[]) {
  test(`no axe violations in any view or state, ${theme.toLowerCase()} theme`, async ({
    app,
    scratchDir,
  }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const found: Found[] = [];
    const library = new LibraryPage(page);
    await library.waitUntilShown();
    await library.setTheme(theme);
    const file = join(scratchDir, 'field-notes.md');
    await writeFile(file, NOTES);
    await library.importThroughDialog(app, [file]);
    await expect(library.openButton(TITLE)).toBeVisible();
    await scan(page, 'library with an import toast', found);
    await library.dismissToasts();
    await scan(page, 'library', found);

    const sample = (
      (await library.openButton(/^Putin and Pashinian Meet in the Kremlin/).textContent()) ?? ''
    ).trim();
    expect(sample).not.toBe('');
    const confirm = await library.askToDelete(TITLE);
    await scan(page, 'delete confirmation dialog', found);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await scan(page, 'shortcut sheet', found);
    await page.keyboard.press('Escape');

    await library.open(TITLE);
    const reader = new ReaderPage(page);
    await reader.waitUntilShown();
    const highlights = new HighlightsPanel(reader);
    await highlights.select('water finds its way around every');
    await scan(page, 'highlight toolbar over a selection', found);
    await highlights.highlightAs('Key idea');
    await highlights.select('around every stone');
    await highlights.highlightAs('To do');
    await highlights.select('the heron standing still');
    await highlights.highlightAs('Question');
    await highlights.open();
    await reader.openContents();
    await scan(page, 'reader with highlights and both panels', found);
    await highlights.clickOn('the heron standing still');
    await expect(highlights.popover).toBeVisible();
    await scan(page, 'selected highlight popover', found);
    await page.keyboard.press('Escape');
    await reader.openSettings();
    await scan(page, 'reading settings', found);
    await page.keyboard.press('Escape');
    await reader.back();

    await library.delete(TITLE);
    await scan(page, 'library with an Undo toast', found);
    await library.dismissToasts();
    await library.trashButton.click();
    await expect(new TrashPage(page).restoreButton(TITLE)).toBeVisible();
    await scan(page, 'trash', found);
    await new TrashPage(page).backButton.click();
    await library.delete(sample);
    await library.delete('Welcome to Lectern');
    await library.dismissToasts();
    await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
    await scan(page, 'empty library', found);

    const report = found.map((f) => `[${f.state}] ${f.rule}\n    ${f.nodes.slice(0, 6).join('\n    ')}`);
    expect(report, report.join('\n')).toEqual([]);
  });
}
