/**
 * Plugs links into the notes feature: the `[[lectern:…]]` marked extension into the one note
 * dialect, link decoration and following into every rendered note, and the `[[` autocomplete
 * into every note editor's textarea. Imported once by the shell.
 */
import type { LecternBridge } from '../../preload/api';
import { call } from '../app/calls';
import { NoteEditor } from '../components/note-editor';
import { noteMarked, onNoteRendered } from '../notes/render-note';
import { OpenLinkEvent } from './events';
import { LinkAutocomplete } from './link-autocomplete';
import { decorateLinks, linkTargetOfEvent } from './link-decorate';
import { lecternLinks } from './link-extension';
import { adoptLinkStyles } from './link-styles';

const following = new WeakSet<Element>();
let installed = false;

function followLinks(root: Element): void {
  if (following.has(root)) return;
  following.add(root);
  root.addEventListener('click', (event) => {
    const link = linkTargetOfEvent(event);
    if (link === null) return;
    event.preventDefault();
    root.dispatchEvent(new OpenLinkEvent(link));
  });
}

/** Installs links into notes; `bridge` answers the resolutions and searches. */
export function installLinks(bridge: LecternBridge): void {
  if (installed) return;
  installed = true;
  noteMarked.use(lecternLinks);
  onNoteRendered((root) => {
    adoptLinkStyles(root);
    followLinks(root);
    void decorateLinks(root, async (keys) => {
      const resolved = await call(bridge, 'resolveLinks', keys);
      return resolved.ok ? resolved.value : null;
    });
  });
  NoteEditor.onTextarea((textarea) => {
    adoptLinkStyles(textarea);
    const autocomplete = new LinkAutocomplete(textarea, bridge);
    return () => autocomplete.dispose();
  });
}
