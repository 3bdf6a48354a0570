/**
 * The shell's moves between views: the route, what the live region says, where each view is
 * scrolled back to, and where the reader's Back returns (the view the document was opened from).
 */
import type { ReactiveControllerHost } from 'lit';
import type { LinkTarget } from '../../preload/api';
import { requestPassage } from '../links/pending-passage';
import {
  BACK_LABELS,
  backPlace,
  nextReturnPlace,
  type ReturnPlace,
  type WorkspaceResume,
} from './return-place';
import { type Route, VIEW_ANNOUNCEMENTS } from './routes';

/** What the shell lends its navigation: its shadow root and its views' hooks. */
export interface NavigationHost extends ReactiveControllerHost {
  readonly renderRoot: ParentNode;
}

interface ResumableWorkspace extends Element {
  resumeState(): WorkspaceResume;
}

interface RefocusingLibrary extends Element {
  focusAfterChange(): Promise<void>;
}

export class ShellNavigation {
  route: Route = { view: 'library' };
  /** What the live region says: the view just opened. */
  announcement = '';
  /** What the workspace puts back when it is shown again (set only when the reader returns to it). */
  workspaceResume: WorkspaceResume | null = null;
  private returnPlace: ReturnPlace | null = null;
  private libraryScroll = 0;

  constructor(private readonly host: NavigationHost) {}

  /** Back's label in the reader: "Highlights" when the document was opened from the workspace. */
  get backLabel(): string {
    return BACK_LABELS[backPlace(this.returnPlace).route.view];
  }

  /** Follows a link: a document opens, a passage opens its document scrolled to it, a note opens. */
  follow(link: LinkTarget): void {
    if (link.kind === 'doc') this.go({ view: 'reader', documentId: link.documentId });
    else if (link.kind === 'highlight') {
      requestPassage(link);
      this.go({ view: 'reader', documentId: link.documentId });
    } else this.go({ view: 'notes', noteId: link.noteId });
  }

  /** The reader closed: back where it was opened from, or to the library when asked (the menu). */
  leaveReader(to: 'back' | 'library'): void {
    const place = to === 'library' ? backPlace(null) : backPlace(this.returnPlace);
    this.go(place.route, place);
  }

  go(route: Route, restore?: ReturnPlace): void {
    const from = this.route;
    if (from.view === 'library') this.libraryScroll = window.scrollY;
    this.returnPlace = nextReturnPlace(from, route, this.returnPlace, () => this.capture());
    this.workspaceResume = restore?.workspace ?? null;
    this.route = route;
    this.announcement = VIEW_ANNOUNCEMENTS[route.view];
    this.host.requestUpdate();
    if (route.view === 'reader') return;
    const backToLibrary = route.view === 'library' && from.view !== 'library';
    const scrollY = restore ? restore.scrollY : backToLibrary ? this.libraryScroll : 0;
    void this.host.updateComplete.then(() => {
      // A virtualized list needs a frame to size itself before the old offset exists again.
      requestAnimationFrame(() => {
        window.scrollTo(0, scrollY);
        if (backToLibrary)
          void this.host.renderRoot.querySelector<RefocusingLibrary>('library-view')?.focusAfterChange();
      });
    });
  }

  private capture(): ReturnPlace {
    const workspace = this.host.renderRoot.querySelector<ResumableWorkspace>('workspace-view');
    return {
      route: this.route,
      scrollY: window.scrollY,
      workspace: this.route.view === 'workspace' && workspace ? workspace.resumeState() : null,
    };
  }
}
