import type { ArticleGroup } from '../../core/highlights/query.ts';
import { t, uiLocale } from '../i18n.ts';
import { formatDay } from './dates.ts';

/** The heading above an article's highlights: title, then site and the day of its newest highlight. */
export function ArticleHeader({ group }: { group: ArticleGroup }) {
  const title = group.title.trim() || t('library_group_untitled');
  return (
    <div class="lib-article">
      <h3 class="lib-article-title" title={title.slice(0, 300)}>
        {title}
      </h3>
      <p class="lib-article-meta">{t('library_group_meta', group.site, formatDay(group.newest, uiLocale()))}</p>
    </div>
  );
}
