/** Opens the tags domain for the composition root: tags.json (recovered if corrupt) and its services. */
import type { TagsChangedEvent } from '../../../preload/api';
import type { TellOfChange } from '../app/notices';
import type { Catalog } from '../catalog/catalog';
import { peekAnnotations } from '../highlights/annotation-log';
import type { AnnotationFiles } from '../highlights/annotations';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import type { TagHolder } from './holders';
import { type StoredTags, openRegistryFile } from './registry-file';
import { TagsService } from './service';
import { TagChanges } from './tag-changes';
import { TagStore } from './tag-store';

export interface TagsDomain {
  service: TagsService;
  changes: TagChanges;
  /** Subscribes to `tagsChanged`; returns the unsubscribe function. */
  subscribe(listener: (event: TagsChangedEvent) => void): () => void;
}

export interface OpenTagsOptions {
  fsys: FileSystem;
  paths: LibraryPaths;
  now: () => Date;
  /** Tells of a corrupt tags.json rebuilt (kept on disk before the rebuilt one replaces it). */
  tellOfChange: TellOfChange;
  catalog: Catalog;
  annotations: AnnotationFiles;
}

export async function openTags(options: OpenTagsOptions): Promise<TagsDomain> {
  const { fsys, paths, now, tellOfChange, catalog, annotations } = options;
  const { adapter, data } = await openRegistryFile({
    fsys,
    root: paths.root,
    now,
    tellOfChange,
    storedTags: () => storedTagsOf(catalog, fsys, paths),
  });
  const store = new TagStore(adapter, data);
  const listeners = new Set<(event: TagsChangedEvent) => void>();
  const emit = (event: TagsChangedEvent) => listeners.forEach((listener) => listener(event));
  const holders: TagHolder[] = [];
  const service = new TagsService({ store, catalog, annotations, now, emit, holders });
  const changes = new TagChanges(store, service, holders, emit);
  return {
    service,
    changes,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Every document's and highlight's stored tags (only walked to rebuild a lost tags.json). */
async function* storedTagsOf(
  catalog: Catalog,
  fsys: FileSystem,
  paths: LibraryPaths,
): AsyncIterable<StoredTags & { kind: 'highlight' | 'document' }> {
  for (const record of catalog.list()) {
    if (record.tagIds !== undefined)
      yield { kind: 'document', tagIds: record.tagIds, tags: record.tags ?? [] };
    // Only looked at: this runs before an interrupted delete or restore is settled, and a read
    // (which caches) could take a document's files for the moment they are half moved.
    const data = await peekAnnotations(fsys, paths, record.id);
    for (const highlight of data?.highlights ?? []) {
      if (highlight.tagIds !== undefined)
        yield { kind: 'highlight', tagIds: highlight.tagIds, tags: highlight.tags };
    }
  }
}
