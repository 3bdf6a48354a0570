/** Tags from another tool, made Lectern tags with the one normalisation (common/tags.ts). */
import { MAX_TAGS_PER_ITEM, normalizeTag, uniqueTags } from '../tags';

/**
 * Each tag normalised; characters Lectern refuses (`#`, `:` ...) become `-` rather than losing
 * the tag, and what still cannot be a tag (empty, only digits) is left out.
 */
export function importedTags(raw: readonly string[]): string[] {
  const tags: string[] = [];
  for (const name of raw) {
    const direct = normalizeTag(name);
    const cleaned = direct.ok
      ? direct
      : normalizeTag(name.replace(/[#,[\]{}"'`<>|\\:;!?*&^%$@=+~()]/gu, ' '));
    if (cleaned.ok) tags.push(cleaned.tag);
  }
  return uniqueTags(tags).slice(0, MAX_TAGS_PER_ITEM);
}
