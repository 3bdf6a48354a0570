/**
 * The crash test's operation of the highlights workspace: several highlights, across documents,
 * recoloured or deleted in one call (one durable write per document). A kill between two documents
 * leaves some changed and some not: each highlight is checked on its own (`hl:` / `hlx:` keys).
 */
import { HIGHLIGHT_COLORS, type Highlight, type HighlightRef } from '../preload/api';
import { pick } from './texts';
import {
  type Planned,
  type TrackedDocument,
  type World,
  highlightValue,
  planned,
  withHighlights,
} from './world';

/** Up to four highlights, from one to three documents. */
function someHighlights(world: World): { document: TrackedDocument; highlight: Highlight }[] {
  const chosen = new Map<string, { document: TrackedDocument; highlight: Highlight }>();
  for (let i = 0; i < 4; i++) {
    const document = pick(world.random, withHighlights(world));
    const highlight = pick(world.random, [...document.highlights.values()]);
    chosen.set(`${document.summary.id}:${highlight.id}`, { document, highlight });
  }
  return [...chosen.values()];
}

export function editHighlights(world: World): Planned {
  const targets = someHighlights(world);
  const refs: HighlightRef[] = targets.map(({ document, highlight }) => ({
    documentId: document.summary.id,
    highlightId: highlight.id,
  }));
  if (world.random() < 0.6) {
    const color = pick(world.random, HIGHLIGHT_COLORS);
    const effects = Object.fromEntries(
      targets.map(({ document, highlight }) => [
        `hl:${document.summary.id}:${highlight.id}`,
        highlightValue({ ...highlight, color }),
      ]),
    );
    return planned(
      effects,
      () => world.handlers.editHighlights(refs, { kind: 'recolor', color }),
      () =>
        targets.forEach(({ document, highlight }) =>
          document.highlights.set(highlight.id, { ...highlight, color }),
        ),
    );
  }
  const effects = Object.fromEntries(
    targets.flatMap(({ document, highlight }) => [
      [`hl:${document.summary.id}:${highlight.id}`, 'absent'],
      [`hlx:${document.summary.id}:${highlight.id}`, '*'],
    ]),
  );
  return planned(
    effects,
    () => world.handlers.editHighlights(refs, { kind: 'delete' }),
    () =>
      targets.forEach(({ document, highlight }) => {
        document.highlights.delete(highlight.id);
        world.deletedHighlights.push(highlight);
      }),
  );
}
