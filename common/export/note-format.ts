/**
 * A standalone note as its own exported file: front matter (title, Lectern id, tags, times),
 * then its markdown with `[[lectern:…]]` links rewritten to the exported files. Managed and
 * re-exported like a document's file (region.ts), so the user's text around it is kept.
 */
import { escapeInline, neutralizeNote } from './escape';
import { formatFrontMatter } from './front-matter';
import { type LinkStyle, linkRewriter } from './link-rewrite';
import type { ExportOptions, FormattedExport } from './types';

/** A standalone note as export reads it. */
export interface ExportNote {
  id: string;
  title: string;
  tags: readonly string[];
  createdAt: string;
  updatedAt: string;
  body: string;
}

/** The note's export, its links written in `style`. */
export function formatNoteExport(
  note: ExportNote,
  options: ExportOptions,
  style: LinkStyle,
): FormattedExport {
  const frontMatter = formatFrontMatter([
    ['title', note.title],
    ['lectern-id', note.id],
    ['lectern-kind', 'note'],
    ['tags', [...note.tags]],
    ['created', note.createdAt],
    ['updated', note.updatedAt],
    ['exported', options.exportedAt],
  ]);
  const rewrite = linkRewriter(null, options.resolveTarget, style);
  const text = note.body.trim() === '' ? '' : `\n\n${neutralizeNote(note.body, rewrite)}`;
  return { frontMatter, body: `# ${escapeInline(note.title) || 'Untitled'}${text}\n` };
}
