import type { HighlightQuery } from '../../core/highlights/query.ts';
import { endOfDay, startOfDay } from './dates.ts';

/** The filter controls' values as the inputs hold them; '' means "any". */
export interface FilterState {
  entity: string;
  tag: string;
  site: string;
  /** YYYY-MM-DD from `<input type="date">`. */
  from: string;
  to: string;
}

export const NO_FILTERS: FilterState = { entity: '', tag: '', site: '', from: '', to: '' };

export function activeFilterCount(filters: FilterState): number {
  return Object.values(filters).filter((value) => value !== '').length;
}

export function toQuery(text: string, filters: FilterState): HighlightQuery {
  const query: HighlightQuery = {};
  if (text.trim() !== '') query.text = text;
  if (filters.entity) query.entity = filters.entity;
  if (filters.tag) query.tag = filters.tag;
  if (filters.site) query.site = filters.site;
  const from = startOfDay(filters.from);
  const to = endOfDay(filters.to);
  if (from !== undefined) query.from = from;
  if (to !== undefined) query.to = to;
  return query;
}
