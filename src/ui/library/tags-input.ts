import { LIMITS, normaliseTags } from '../../core/highlights/model.ts';
import { t } from '../i18n.ts';

/** Commas separate tags; Chinese input methods type the full-width comma and the enumeration comma. */
const SEPARATORS = /[,，、;；]/;

export function parseTagsInput(text: string): { tags: string[] } | { error: string } {
  const tags = normaliseTags(text.split(SEPARATORS));
  if (tags.length > LIMITS.tags) return { error: t('library_tags_too_many', LIMITS.tags) };
  if (tags.some((tag) => tag.length > LIMITS.tag)) return { error: t('library_tag_too_long', LIMITS.tag) };
  return { tags };
}

export const formatTagsInput = (tags: readonly string[]) => tags.join(', ');
