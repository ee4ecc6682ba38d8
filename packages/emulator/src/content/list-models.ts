/**
 * `GET /models`: filter, sort and paginate. Filters of different parameters all apply (AND); the
 * values of one parameter are alternatives (OR). `q` splits on white space and every word must
 * occur, case-insensitively, in the name, slug, AIR, headline or description.
 */
import type { Catalog, CatalogEntry, SortField } from './catalog';
import { assertOnly, boolean, listOf, listOfKnown, nonNegativeInteger, oneOf, single } from './query-params';
import { CATEGORIES, type Category, type ContentModel, MODEL_STATUSES, type ModelStatus } from './shapes';

export const LIST_MODELS_PARAMETERS = [
  'capability',
  'status',
  'category',
  'creator',
  'q',
  'sort',
  'order',
  'paginate',
  'limit',
  'offset',
] as const;

export const SORT_KEYS = [
  'weight',
  'releasedAt',
  'name',
  'creator',
  'popularity',
  'newest',
  'alpha',
] as const;
type SortKey = (typeof SORT_KEYS)[number];

/** Each sort key's field and natural direction; `order` overrides the direction. */
const SORTS: Readonly<Record<SortKey, { field: SortField; descending: boolean }>> = {
  weight: { field: 'weight', descending: true },
  releasedAt: { field: 'releasedAt', descending: true },
  newest: { field: 'releasedAt', descending: true },
  popularity: { field: 'popularity', descending: true },
  name: { field: 'name', descending: false },
  alpha: { field: 'name', descending: false },
  creator: { field: 'creator', descending: false },
};

/** Page size when `paginate=true` and no `limit`. */
export const DEFAULT_LIMIT = 50;
/** Larger limits are clamped, not rejected. */
export const MAX_LIMIT = 100;

export interface ListModelsQuery {
  capabilities: string[];
  statuses: ModelStatus[];
  categories: Category[];
  creators: string[];
  terms: string[];
  field: SortField;
  descending: boolean;
  paginate: boolean;
  /** Undefined: no limit (only without `paginate`). */
  limit: number | undefined;
  offset: number;
}

export interface ModelPage {
  total: number;
  limit: number;
  offset: number;
  items: ContentModel[];
}

export function parseListModelsQuery(catalog: Catalog, query: URLSearchParams): ListModelsQuery {
  assertOnly(query, LIST_MODELS_PARAMETERS);
  const sortValue = single(query, 'sort');
  const sort = SORTS[sortValue === undefined ? 'weight' : oneOf('sort', sortValue, SORT_KEYS)];
  const orderValue = single(query, 'order');
  const paginateValue = single(query, 'paginate');
  const paginate = paginateValue === undefined ? false : boolean('paginate', paginateValue);
  const limitValue = single(query, 'limit');
  const offsetValue = single(query, 'offset');
  const requested =
    limitValue === undefined ? undefined : Math.min(nonNegativeInteger('limit', limitValue), MAX_LIMIT);
  return {
    capabilities: listOfKnown(query, 'capability', catalog.capabilityIds, 'see /capabilities'),
    statuses: listOf(query, 'status', MODEL_STATUSES),
    categories: listOf(query, 'category', CATEGORIES),
    creators: listOfKnown(query, 'creator', catalog.creatorsById, 'see /creators'),
    terms: (single(query, 'q') ?? '')
      .toLowerCase()
      .split(/\s+/)
      .filter((t) => t !== ''),
    field: sort.field,
    descending:
      orderValue === undefined ? sort.descending : oneOf('order', orderValue, ['asc', 'desc']) === 'desc',
    paginate,
    limit: requested ?? (paginate ? DEFAULT_LIMIT : undefined),
    offset: offsetValue === undefined ? 0 : nonNegativeInteger('offset', offsetValue),
  };
}

function matcher(q: ListModelsQuery): (e: CatalogEntry) => boolean {
  return (e) =>
    (q.capabilities.length === 0 || q.capabilities.some((c) => e.capabilitySet.has(c))) &&
    (q.statuses.length === 0 || q.statuses.includes(e.model.status)) &&
    (q.categories.length === 0 || q.categories.includes(e.category)) &&
    (q.creators.length === 0 || q.creators.includes(e.model.creator)) &&
    q.terms.every((t) => e.searchText.includes(t));
}

/** The matching models in the requested order, as a plain array or a page. */
export function listModels(catalog: Catalog, q: ListModelsQuery): ContentModel[] | ModelPage {
  const sorted = catalog.ascending[q.field];
  const fits = matcher(q);
  const matches: ContentModel[] = [];
  const n = sorted.length;
  for (let i = 0; i < n; i++) {
    const entry = sorted[q.descending ? n - 1 - i : i];
    if (entry !== undefined && fits(entry)) matches.push(entry.model);
  }
  const end = q.limit === undefined ? undefined : q.offset + q.limit;
  const items = q.offset === 0 && end === undefined ? matches : matches.slice(q.offset, end);
  if (!q.paginate) return items;
  return { total: matches.length, limit: q.limit ?? DEFAULT_LIMIT, offset: q.offset, items };
}
