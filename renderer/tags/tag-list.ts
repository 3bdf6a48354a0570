/**
 * The library's tags as the renderer knows them (listTags, most used first), shared through a
 * context by every tag input, the tag manager and the library's tag filter. The shell refreshes
 * it when main says tags changed; a failed load keeps the last list and shows why.
 */
import { createContext } from '@lit/context';
import type { LecternApi, TagInfo } from '../../preload/api';
import { call, failureToast } from '../app/calls';
import type { ToastInit } from '../lib/events';
import { type TagSuggester, tagSuggester } from './suggest-tags';

export class TagList {
  private tags: TagInfo[] = [];
  private suggesterCache: TagSuggester | null = null;
  private readonly listeners = new Set<() => void>();
  private loading: Promise<void> | null = null;

  constructor(
    private readonly api: LecternApi,
    private readonly toast: (init: ToastInit) => void,
  ) {}

  /** The tags, most used first. */
  get all(): readonly TagInfo[] {
    return this.tags;
  }

  /** Autocomplete over the current list (built once per list). */
  get suggester(): TagSuggester {
    this.suggesterCache ??= tagSuggester(this.tags.map((tag) => tag.name));
    return this.suggesterCache;
  }

  /** Loads the list again; calls made while a load runs share it. */
  refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  /** Calls `listener` after every load; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async load(): Promise<void> {
    const listed = await call(this.api, 'listTags');
    if (!listed.ok) {
      this.toast(failureToast('Could not load the tags', listed));
      return;
    }
    this.tags = listed.value;
    this.suggesterCache = null;
    for (const listener of this.listeners) listener();
  }
}

export const tagListContext = createContext<TagList>(Symbol('lectern-tag-list'));
