/** Setup of the highlight benches: highlights stored on other documents, as a library a year old has. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeRange } from '../common/anchoring/describe';
import type { Library } from '../main/library/library';

/**
 * Imports ten short documents into `library` and stores 1,000 highlights on each, one write per
 * document (the setup, not the figure: 10,000 single writes took minutes).
 */
export async function storeHighlightsElsewhere(library: Library, dir: string): Promise<void> {
  for (let d = 0; d < 10; d++) {
    const file = join(dir, `notes-${d}.md`);
    const body = Array.from(
      { length: 200 },
      (_, p) => `Paragraph ${p} of notes ${d}: the river, the heron and the mill at dusk.`,
    ).join('\n\n');
    await writeFile(file, `# Notes ${d}\n\n${body}\n`);
    const outcome = (await library.documents.importPaths([file])).outcomes[0];
    if (outcome?.status !== 'imported') throw new Error('import failed');
    const opened = await library.documents.openDocument(outcome.document.id);
    const text = opened?.markdown ?? '';
    const { id, textVersion } = outcome.document;
    const time = new Date().toISOString();
    const result = await library.highlights.addMany(id, () =>
      Array.from({ length: 1000 }, (_, h) => {
        const start = (h * 37) % (text.length - 40);
        const { quote, position } = describeRange(text, start, start + 24);
        const common = { documentId: id, color: 'green' as const, quote, position, tags: [], note: null };
        const state = { anchoredVersion: textVersion, unplaced: false, needsCheck: false };
        return { id: `bench-${d}-${h}`, ...common, ...state, createdAt: time, updatedAt: time };
      }),
    );
    if (!result.ok) throw new Error(result.message);
  }
}
