import type { Category } from '../core/glossary/facts.ts';
import type { Settings } from '../messaging/protocol.ts';
import { t } from '../ui/i18n.ts';

const CATEGORIES: Array<{ key: Category; label: () => string; hint: () => string }> = [
  { key: 'body', label: () => t('options_category_body'), hint: () => t('options_category_body_hint') },
  { key: 'phrase', label: () => t('options_category_phrase'), hint: () => t('options_category_phrase_hint') },
  { key: 'law', label: () => t('options_category_law'), hint: () => t('options_category_law_hint') },
];

export function CategoriesSection({ settings, onChange }: { settings: Settings; onChange(next: Settings): void }) {
  return (
    <section aria-labelledby="categories-heading">
      <h2 id="categories-heading">{t('options_categories')}</h2>
      {CATEGORIES.map(({ key, label, hint }) => (
        <label class="check" key={key}>
          <input
            type="checkbox"
            checked={settings.categories[key]}
            onChange={(event) =>
              onChange({ ...settings, categories: { ...settings.categories, [key]: (event.target as HTMLInputElement).checked } })
            }
          />
          <span class={`swatch kind-${key}`} aria-hidden="true" />
          <span>
            {label()} <span class="muted">— {hint()}</span>
          </span>
        </label>
      ))}
    </section>
  );
}
