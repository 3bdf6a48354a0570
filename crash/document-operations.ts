/** The crash test's document operations: import, rename, delete, restore, update from file, position. */
import { TITLES, between, makeDocument, pick } from './texts';
import type { Effects } from './ledger';
import { type Planned, type World, adopt, anyDocument, fresh, planned } from './world';

export function importDocuments(world: World): Planned {
  const texts = Array.from({ length: between(world.random, 1, 2) }, () =>
    makeDocument(world.random, world.paragraphs, fresh(world)),
  );
  const files = texts.map((text, index) => ({
    name: `doc-${index}.md`,
    bytes: new TextEncoder().encode(text),
  }));
  // A refused file in the batch: the others must still land.
  if (world.random() < 0.2) files.push({ name: 'binary.md', bytes: new Uint8Array([0, 1, 2, 0, 0, 3]) });
  return planned(
    {},
    () => world.handlers.importFiles(files),
    (report) => {
      const effects: Effects = {};
      for (const outcome of report.outcomes) {
        if (outcome.status !== 'imported') continue;
        const { id, title, textVersion } = outcome.document;
        Object.assign(effects, {
          [`doc:${id}:place`]: 'listed',
          [`doc:${id}:title`]: title,
          [`doc:${id}:version`]: textVersion,
        });
      }
      return effects;
    },
    async (report) => {
      for (const outcome of report.outcomes)
        if (outcome.status === 'imported') await adopt(world, outcome.document);
    },
  );
}

export function renameDocument(world: World): Planned {
  const document = anyDocument(world);
  const title = `${pick(world.random, TITLES)} ${fresh(world)}`;
  return planned(
    { [`doc:${document.summary.id}:title`]: title.trim() },
    () => world.handlers.renameDocument(document.summary.id, title),
    (summary) => void (document.summary = summary),
  );
}

export function deleteDocument(world: World): Planned {
  const document = anyDocument(world);
  const { id } = document.summary;
  // Tags and notes are checked on listed documents only: a rename meanwhile reaches them on restore.
  const unchecked: Effects = { [`dtags:${id}`]: '*' };
  for (const highlightId of document.highlights.keys()) unchecked[`hlx:${id}:${highlightId}`] = '*';
  return planned(
    { [`doc:${id}:place`]: 'trash', ...unchecked },
    () => world.handlers.deleteDocument(id),
    () => {
      world.documents.delete(id);
      world.trash.add(id);
      world.deletedHighlights = world.deletedHighlights.filter((highlight) => highlight.documentId !== id);
    },
  );
}

export function restoreDocument(world: World): Planned {
  const id = pick(world.random, [...world.trash]);
  return planned(
    { [`doc:${id}:place`]: 'listed' },
    () => world.handlers.restoreDocument(id),
    () => void world.trash.delete(id),
    (summary) => adopt(world, summary),
  );
}

export function saveReadingPosition(world: World): Planned {
  const { id } = anyDocument(world).summary;
  const offset = between(world.random, 0, 100_000);
  const position = {
    section: between(world.random, 0, 20),
    offset,
    quote: 'Well, Prince',
    progress: world.random(),
  };
  return planned(
    { [`pos:${id}`]: String(offset) },
    () => world.handlers.saveReadingPosition(id, position),
    () => {},
  );
}

export function updateDocumentFromFile(world: World): Planned {
  const document = anyDocument(world);
  const markdown = `${document.markdown}\n\n${pick(world.random, world.paragraphs)} (${fresh(world)})\n`;
  const { id } = document.summary;
  return planned(
    { [`doc:${id}:version`]: '*' },
    () =>
      world.handlers.updateDocumentFromFile(id, {
        name: 'changed.md',
        bytes: new TextEncoder().encode(markdown),
      }),
    (summary) => {
      document.summary = summary;
      document.markdown = markdown;
      return { [`doc:${id}:version`]: summary.textVersion, [`doc:${id}:title`]: summary.title };
    },
  );
}

export function deleteForever(world: World): Planned {
  const id = pick(world.random, [...world.trash]);
  return planned(
    { [`doc:${id}:place`]: 'missing' },
    () => world.handlers.deleteForever(id),
    () => void world.trash.delete(id),
  );
}

/** Rarely: every trashed document at once. */
export function emptyTrash(world: World): Planned {
  const ids = [...world.trash];
  const effects: Effects = Object.fromEntries(ids.map((id) => [`doc:${id}:place`, 'missing']));
  return planned(
    effects,
    () => world.handlers.emptyTrash(),
    () => world.trash.clear(),
  );
}
