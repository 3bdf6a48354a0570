/**
 * The links domain: the backlink index built at start and kept current from the notes' and the
 * catalog's change events (never rebuilt per query), resolution, search and link repair.
 */
import type {
  Backlink,
  BrokenLink,
  DocumentLinks,
  Highlight,
  LinkSuggestion,
  LinkTarget,
  LinksChange,
  ResolvedLink,
  Result,
} from '../../../preload/api';
import { formatLink } from '../../../common/links';
import type { Catalog } from '../catalog/catalog';
import type { Trash } from '../documents/trash';
import type { AnnotationFiles } from '../highlights/annotations';
import { BacklinkIndex } from './backlink-index';
import { listBroken } from './broken';
import { resolveTargets, type ResolverParts } from './resolver';
import { findTargets } from './search';
import {
  type NoteSourceChange,
  type NotesPort,
  documentOfSource,
  sourceKey,
  sourceOfChange,
} from './sources';

export interface LinksServiceParts {
  catalog: Catalog;
  trash: Pick<Trash, 'list'>;
  annotations: Pick<AnnotationFiles, 'read'>;
  notes: NotesPort;
}

export class LinksService {
  readonly index: BacklinkIndex;
  private readonly listeners = new Set<(change: LinksChange) => void>();
  private readonly unsubscribes: (() => void)[] = [];
  /** Note changes apply one at a time, in the order announced. */
  private queue: Promise<void> = Promise.resolve();
  private trashed: Promise<ReadonlyMap<string, string>> | null = null;
  private readonly resolver: ResolverParts;

  constructor(private readonly parts: LinksServiceParts) {
    const { catalog } = parts;
    this.index = new BacklinkIndex((source) => {
      const documentId = documentOfSource(source);
      return documentId === null || catalog.has(documentId);
    });
    this.resolver = {
      catalog,
      notes: parts.notes,
      trashedTitles: () => (this.trashed ??= this.loadTrashedTitles()),
      highlightsOf: (documentId) => this.highlightsOf(documentId),
    };
  }

  /** Starts following changes and indexing every source; queries wait until the index is built. */
  start(): void {
    this.unsubscribes.push(this.parts.notes.onChange((change) => this.noteChanged(change)));
    this.unsubscribes.push(
      this.parts.catalog.subscribe((change) => {
        if (change.kind === 'removed' || change.kind === 'restored' || change.kind === 'added')
          this.trashed = null;
        this.emit({ sources: [] });
      }),
    );
    this.queue = this.parts.notes
      .allSources()
      .then((sources) => sources.forEach((source) => this.index.set(source)))
      .catch((error: unknown) => console.error('The backlink index could not be built', error));
  }

  stop(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  /** Hears of changes to links and their targets; returns the unsubscribe function. */
  onChange(listener: (change: LinksChange) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Resolves once every note change announced so far is in the index. */
  settled(): Promise<void> {
    return this.queue;
  }

  async findLinkTargets(query: string, limit: number): Promise<Result<LinkSuggestion[]>> {
    const parts = {
      catalog: this.parts.catalog,
      notes: this.parts.notes,
      highlightsOf: this.resolver.highlightsOf,
    };
    return { ok: true, value: await findTargets(parts, query, limit) };
  }

  async resolveLinks(targets: string[]): Promise<Result<ResolvedLink[]>> {
    return { ok: true, value: await resolveTargets(this.resolver, targets) };
  }

  async getBacklinks(target: string): Promise<Result<Backlink[]>> {
    await this.queue;
    return { ok: true, value: this.index.backlinks(target) };
  }

  async getDocumentLinks(documentId: string): Promise<Result<DocumentLinks>> {
    await this.queue;
    const highlights = this.index
      .highlightTargetsOf(documentId)
      .map((key) => ({ highlightId: key.split('/')[2] ?? '', backlinks: this.index.backlinks(key) }))
      .filter((entry) => entry.backlinks.length > 0);
    return { ok: true, value: { document: this.index.backlinks(`doc/${documentId}`), highlights } };
  }

  async listBrokenLinks(): Promise<Result<BrokenLink[]>> {
    await this.queue;
    return { ok: true, value: await listBroken(this.index, this.resolver) };
  }

  /** Re-points or removes a broken link in its note; `stale` when the note changed since it was listed. */
  async repairLink(broken: BrokenLink, target: LinkTarget | null): Promise<Result<null>> {
    const current = await this.parts.notes.readSource(broken.source);
    if (current === null || current.text.slice(broken.start, broken.end) !== broken.raw) {
      const message = 'The note changed since the broken links were listed; look at the list again.';
      return { ok: false, code: 'stale', message };
    }
    const replacement =
      target === null ? (broken.label ?? '') : formatLink(target, broken.label ?? undefined);
    const text = current.text.slice(0, broken.start) + replacement + current.text.slice(broken.end);
    return this.parts.notes.writeSource(broken.source, text);
  }

  private noteChanged(change: NoteSourceChange): void {
    const source = sourceOfChange(change);
    this.queue = this.queue
      .then(async () => {
        const current =
          change.kind === 'note' && change.removed ? null : await this.parts.notes.readSource(source);
        if (current === null) this.index.remove(sourceKey(source));
        else this.index.set(current);
        this.emit({ sources: [sourceKey(source)] });
      })
      .catch((error: unknown) => console.error('The links of a note could not be indexed', error));
  }

  private emit(change: LinksChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private async loadTrashedTitles(): Promise<ReadonlyMap<string, string>> {
    const entries = await this.parts.trash.list();
    return new Map(entries.map((entry) => [entry.id, entry.title]));
  }

  private async highlightsOf(documentId: string): Promise<readonly Highlight[]> {
    if (!this.parts.catalog.has(documentId)) return [];
    return (await this.parts.annotations.read(documentId)).highlights;
  }
}
