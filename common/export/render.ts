/**
 * A document's export with the chosen template: the Obsidian preset is the hand-written
 * formatter, the others render a Mustache template over the escaped view. The front matter is
 * the same for all (it carries the Lectern id re-export and file names rely on).
 */
import type { ExportTemplateChoice } from '../../preload/api/export';
import { exportFrontMatter, formatDocumentExport } from './format';
import { escapeForLogseq } from './escape';
import { LOGSEQ_TEMPLATE, PLAIN_TEMPLATE } from './presets';
import { namesIn, renderTemplate, type TemplateError } from './template';
import type { ExportDocument, ExportOptions, FormattedExport } from './types';
import { type DocumentView, documentView, type HighlightView } from './view-model';

export type RenderedExport = { ok: true; value: FormattedExport } | ({ ok: false } & TemplateError);

/** The template text a choice renders with (null: the Obsidian formatter). */
export function templateOf(choice: ExportTemplateChoice): string | null {
  if (choice.preset === 'obsidian') return null;
  if (choice.preset === 'logseq') return LOGSEQ_TEMPLATE;
  return choice.preset === 'plain' ? PLAIN_TEMPLATE : choice.template;
}

/** The document's export as `choice` lays it out, or where its template is wrong. */
export function renderDocumentExport(
  doc: ExportDocument,
  options: ExportOptions,
  choice: ExportTemplateChoice,
): RenderedExport {
  const template = templateOf(choice);
  if (template === null) return { ok: true, value: formatDocumentExport(doc, options) };
  // Plain markdown has no wikilinks; Logseq and the user's templates read them (Obsidian too).
  // Only the fields the template reads are worked out (a quote escaped two ways costs, 10,000 times).
  const view = documentView(doc, options, choice.preset === 'plain' ? 'markdown' : 'wiki', namesIn(template));
  const rendered = renderTemplate(template, choice.preset === 'logseq' ? outlineView(view) : view);
  if (!rendered.ok) return rendered;
  return {
    ok: true,
    value: { frontMatter: exportFrontMatter(doc, options.exportedAt), body: rendered.body },
  };
}

const unmarked = (h: HighlightView): HighlightView => ({ ...h, quoteText: escapeForLogseq(h.quoteText) });

/** The view for Logseq's outline, where every quote starts a block: none may start as a task. */
function outlineView(view: DocumentView): DocumentView {
  const sections = view.sections.map((section) => ({
    ...section,
    highlights: section.highlights.map(unmarked),
  }));
  return {
    ...view,
    sections,
    highlights: sections.flatMap((section) => section.highlights),
    unplaced: view.unplaced.map(unmarked),
  };
}
