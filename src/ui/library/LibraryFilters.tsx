import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Facet, Facets } from '../../core/highlights/query.ts';
import { t } from '../i18n.ts';
import { activeFilterCount, NO_FILTERS, type FilterState } from './filter-state.ts';

export interface LibraryFiltersProps {
  value: FilterState;
  onChange(next: FilterState): void;
  facets: Facets;
  entityName(id: string): string;
}

interface Option {
  value: string;
  label: string;
}

/** Options sorted by what the reader sees; the current value stays listed even when no row has it. */
function options(facets: readonly Facet[], current: string, label: (value: string) => string): Option[] {
  const list = facets.map((facet) => ({ value: facet.value, label: t('library_filter_option', label(facet.value), facet.count) }));
  if (current !== '' && !facets.some((facet) => facet.value === current)) list.push({ value: current, label: label(current) });
  return list.sort((a, b) => a.label.localeCompare(b.label));
}

/** Entity, tag, site and date filters in a disclosure, so the list keeps the popup's height. */
export function LibraryFilters({ value, onChange, facets, entityName }: LibraryFiltersProps) {
  const id = useId();
  const active = activeFilterCount(value);
  const [open, setOpen] = useState(false);
  const previousActive = useRef(active);
  useEffect(() => {
    // A chip in a row set a filter: show it, so the reader sees why the list changed.
    if (active > previousActive.current) setOpen(true);
    previousActive.current = active;
  }, [active]);

  const entityOptions = useMemo(() => options(facets.entities, value.entity, entityName), [facets.entities, value.entity, entityName]);
  const tagOptions = useMemo(() => options(facets.tags, value.tag, (tag) => tag), [facets.tags, value.tag]);
  const siteOptions = useMemo(() => options(facets.sites, value.site, (site) => site), [facets.sites, value.site]);
  const set = (key: keyof FilterState) => (event: Event) => onChange({ ...value, [key]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });

  const select = (key: 'entity' | 'tag' | 'site', label: string, list: Option[]) => (
    <div class="lib-field">
      <label class="lib-label" for={`${id}-${key}`}>
        {label}
      </label>
      <select id={`${id}-${key}`} value={value[key]} onChange={set(key)}>
        <option value="">{t('library_filter_any')}</option>
        {list.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <details class="lib-filters" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{active > 0 ? t('library_filters_active', active) : t('library_filters')}</summary>
      <div class="lib-filter-grid">
        {select('entity', t('library_filter_entity'), entityOptions)}
        {select('tag', t('library_filter_tag'), tagOptions)}
        {select('site', t('library_filter_site'), siteOptions)}
        <div class="lib-field">
          <label class="lib-label" for={`${id}-from`}>
            {t('library_filter_from')}
          </label>
          <input id={`${id}-from`} type="date" value={value.from} max={value.to || undefined} onChange={set('from')} />
        </div>
        <div class="lib-field">
          <label class="lib-label" for={`${id}-to`}>
            {t('library_filter_to')}
          </label>
          <input id={`${id}-to`} type="date" value={value.to} min={value.from || undefined} onChange={set('to')} />
        </div>
        <div class="lib-field lib-field-end">
          <button type="button" class="lib-button" disabled={active === 0} onClick={() => onChange(NO_FILTERS)}>
            {t('library_filter_clear')}
          </button>
        </div>
      </div>
    </details>
  );
}
