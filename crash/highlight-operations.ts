/** The crash test's highlight operations: add, update, delete, restore and re-anchor. */
import { HIGHLIGHT_COLORS } from '../preload/api';
import { annotationValue } from './annotation-operations';
import { between, pick } from './texts';
import { type Planned, type World, anyDocument, highlightValue, planned, withHighlights } from './world';

export function addHighlight(world: World): Planned {
  const document = anyDocument(world);
  const text = document.markdown;
  const start = between(world.random, 0, Math.max(0, text.length - 90));
  const end = Math.min(text.length, start + between(world.random, 5, 80));
  const quote = {
    type: 'TextQuoteSelector' as const,
    exact: text.slice(start, end) || 'x',
    prefix: '',
    suffix: '',
  };
  const color = pick(world.random, HIGHLIGHT_COLORS);
  const position = { type: 'TextPositionSelector' as const, start, end: Math.max(end, start + 1) };
  const anchoredVersion = document.summary.textVersion;
  return planned(
    {},
    () => world.handlers.addHighlight(document.summary.id, { color, quote, position, anchoredVersion }),
    (highlight) => {
      document.highlights.set(highlight.id, highlight);
      return { [`hl:${document.summary.id}:${highlight.id}`]: highlightValue(highlight) };
    },
  );
}

export function updateHighlight(world: World): Planned {
  const document = pick(world.random, withHighlights(world));
  const current = pick(world.random, [...document.highlights.values()]);
  const color = pick(world.random, HIGHLIGHT_COLORS);
  return planned(
    { [`hl:${document.summary.id}:${current.id}`]: highlightValue({ ...current, color }) },
    () => world.handlers.updateHighlight(document.summary.id, current.id, { color }),
    (highlight) => void document.highlights.set(highlight.id, highlight),
  );
}

export function deleteHighlight(world: World): Planned {
  const document = pick(world.random, withHighlights(world));
  const current = pick(world.random, [...document.highlights.values()]);
  return planned(
    {
      [`hl:${document.summary.id}:${current.id}`]: 'absent',
      [`hlx:${document.summary.id}:${current.id}`]: '*',
    },
    () => world.handlers.deleteHighlight(document.summary.id, current.id),
    (highlight) => {
      document.highlights.delete(highlight.id);
      world.deletedHighlights.push(highlight);
    },
  );
}

export function restoreHighlight(world: World): Planned {
  const highlight = pick(world.random, world.deletedHighlights);
  const document = world.documents.get(highlight.documentId);
  return planned(
    {
      [`hl:${highlight.documentId}:${highlight.id}`]: highlightValue(highlight),
      [`hlx:${highlight.documentId}:${highlight.id}`]: annotationValue(highlight),
    },
    () => world.handlers.restoreHighlight(highlight.documentId, highlight),
    (restored) => {
      world.deletedHighlights = world.deletedHighlights.filter((h) => h !== highlight);
      document?.highlights.set(restored.id, restored);
    },
  );
}

export function saveAnchors(world: World): Planned {
  const document = pick(world.random, withHighlights(world));
  const chosen = [...document.highlights.values()].filter(() => world.random() < 0.6).slice(0, 3);
  const updates = chosen.map((highlight) => {
    const start = between(world.random, 0, 5000);
    return {
      id: highlight.id,
      quote: highlight.quote,
      position: { type: 'TextPositionSelector' as const, start, end: start + 7 },
      anchoredVersion: document.summary.textVersion,
      unplaced: world.random() < 0.3,
      needsCheck: world.random() < 0.2,
    };
  });
  const next = updates.map((update) => ({ ...document.highlights.get(update.id)!, ...update }));
  const effects = Object.fromEntries(
    next.map((h) => [`hl:${document.summary.id}:${h.id}`, highlightValue(h)]),
  );
  return planned(
    effects,
    () => world.handlers.saveAnchors(document.summary.id, updates),
    () => next.forEach((highlight) => document.highlights.set(highlight.id, highlight)),
  );
}
