/** Dropping files on the window from a test, as a drag from the desktop would. */
import type { JSHandle, Page } from '@playwright/test';

/** Builds, in the page, a DataTransfer carrying these files. */
export function dataTransferWith(
  page: Page,
  files: Record<string, string>,
  type = 'text/plain',
): Promise<JSHandle> {
  return page.evaluateHandle(
    ([entries, mediaType]) => {
      const view = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string, options: { type: string }) => unknown;
      };
      const transfer = new view.DataTransfer();
      for (const [name, text] of entries)
        transfer.items.add(new view.File([text], name, { type: mediaType }));
      return transfer;
    },
    [Object.entries(files), type] as const,
  );
}

/** Drags these files over the window (the overlay shows) and drops them. */
export async function dropFiles(page: Page, files: Record<string, string>, type?: string): Promise<void> {
  const transfer = await dataTransferWith(page, files, type);
  const target = page.getByRole('main');
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}
