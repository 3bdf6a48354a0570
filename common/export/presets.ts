/**
 * The built-in export templates (Mustache, over view-model.ts). Obsidian is the hand-written
 * formatter (format.ts: block ids, wikilinks, heading trail); plain markdown and Logseq are
 * templates, and the plain one is where a user's own template starts.
 */

/** Plain markdown: headings, blockquotes, tags as text, markdown links; no Obsidian syntax. */
export const PLAIN_TEMPLATE = `# {{title}}
{{#hasAuthor}}

By {{author}}
{{/hasAuthor}}
{{#hasDocumentNote}}

{{documentNote}}
{{/hasDocumentNote}}
{{^hasHighlights}}

*No highlights yet.*
{{/hasHighlights}}
{{#sections}}
{{#hasHeading}}

{{hashes}} {{heading}}
{{/hasHeading}}
{{#highlights}}

{{quote}}

Colour: {{color}}{{#hasMeaning}} ({{meaning}}){{/hasMeaning}}{{#hasTags}} · Tags: {{tagList}}{{/hasTags}} · [Open in Lectern]({{link}})
{{#hasNote}}

{{note}}
{{/hasNote}}
{{/highlights}}
{{/sections}}
{{#hasUnplaced}}

## Not placed in the current text
{{#unplaced}}

{{quote}}
{{#hasNote}}

{{note}}
{{/hasNote}}
{{/unplaced}}
{{/hasUnplaced}}
`;

/**
 * Logseq: an outline. Every highlight is a top-level block (its quote), with `color::`,
 * `tags::` and `lectern::` properties; its note is a child block, every line indented.
 */
export const LOGSEQ_TEMPLATE = `{{#hasDocumentNote}}
- Document note
{{#documentNoteLines}}
  {{line}}
{{/documentNoteLines}}
{{/hasDocumentNote}}
{{#highlights}}
- {{quoteText}}
  color:: {{color}}{{#hasMeaning}} ({{meaning}}){{/hasMeaning}}
{{#hasTags}}
  tags:: {{tagList}}
{{/hasTags}}
  lectern:: [Open in Lectern]({{link}})
{{#hasNote}}
  - Note
{{#noteLines}}
    {{line}}
{{/noteLines}}
{{/hasNote}}
{{/highlights}}
{{#unplaced}}
- {{quoteText}}
  lectern-unplaced:: true
{{/unplaced}}
`;

/** What the custom template starts as: the plain preset, to edit. */
export const DEFAULT_CUSTOM_TEMPLATE = PLAIN_TEMPLATE;
