import type { ContentFilter, ListModelsParams } from './content-client';

/** Query values as given: a filter's several values become repeated parameters. */
type QueryValue = ContentFilter | number | boolean | undefined;

/** The service root without trailing slashes, so paths join with exactly one. */
export function contentRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/**
 * One id as one path segment: percent-encoded (an AIR's `:`, `@` and `/` included). `undefined`
 * for ids no URL can carry as a segment: empty, `.` and `..` (URL parsers resolve dot segments,
 * even percent-encoded ones), so they name no item and are answered without a request.
 */
export function idSegment(id: string): string | undefined {
  if (id === '' || id === '.' || id === '..') return undefined;
  return encodeURIComponent(id);
}

/** `?a=1&b=x&b=y` from the defined, non-empty values (empty means "no filter"); '' for none. */
export function queryString(values: Readonly<Record<string, QueryValue>>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const list: readonly (string | number | boolean)[] = typeof value === 'object' ? value : [value];
    for (const item of list) if (item !== '') query.append(name, String(item));
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

/** The wire query of `listModels`: `search` travels as `q`; `paginate` only when true. */
export function listModelsQuery(params: ListModelsParams): string {
  return queryString({
    capability: params.capability,
    status: params.status,
    category: params.category,
    creator: params.creator,
    q: params.search,
    sort: params.sort,
    order: params.order,
    paginate: params.paginate === true ? true : undefined,
    limit: params.limit,
    offset: params.offset,
  });
}

/** True when a status filter will reach the server (an empty one is no filter). */
export function hasStatusFilter(params: ListModelsParams): boolean {
  const { status } = params;
  if (status === undefined) return false;
  return (typeof status === 'string' ? [status] : status).some((s) => s !== '');
}
