/**
 * `handleContentRequest`: maps a path under `/content` and its query to a response. Unknown paths
 * are 404 whatever the method; known paths answer GET and HEAD (HEAD gets the GET response, and the
 * server leaves the body out) and 405 otherwise.
 */
import { type Catalog, type CatalogEntry, findModel } from './catalog';
import { listModels, parseListModelsQuery } from './list-models';
import { assertOnly, InvalidParameter, listOf, listOfKnown } from './query-params';
import { invalidParameter, methodNotAllowed, notFound, ok } from './responses';
import { CATEGORIES, type ContentResponse } from './shapes';

type Handler = (catalog: Catalog, query: URLSearchParams) => ContentResponse;

/** Percent-decodes one path segment; a malformed escape is a 400 on `id`. */
function decodeId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new InvalidParameter('id', `The path id '${segment}' is not valid percent-encoding.`);
  }
}

/** Runs `then` on the model named by a path segment, or answers 404. */
function withModel(
  segment: string,
  then: (entry: CatalogEntry, query: URLSearchParams) => ContentResponse,
): Handler {
  return (catalog, query) => {
    const id = decodeId(segment);
    const entry = findModel(catalog, id);
    return entry === undefined ? notFound(`Unknown model '${id}'.`) : then(entry, query);
  };
}

const listModelsHandler: Handler = (catalog, query) =>
  ok(listModels(catalog, parseListModelsQuery(catalog, query)));

const MODEL_SUBRESOURCES: Readonly<Record<string, (catalog: Catalog, segment: string) => Handler>> = {
  examples: (catalog, segment) =>
    withModel(segment, (entry, query) => {
      assertOnly(query, ['capability']);
      const wanted = listOfKnown(query, 'capability', catalog.capabilityIds, 'see /capabilities');
      return ok(
        wanted.length === 0 ? entry.examples : entry.examples.filter((e) => wanted.includes(e.capability)),
      );
    }),
  pricing: (_catalog, segment) =>
    withModel(segment, (entry, query) => {
      assertOnly(query, []);
      return ok(entry.pricing);
    }),
  guides: (_catalog, segment) =>
    withModel(segment, (entry, query) => {
      assertOnly(query, []);
      return ok(entry.guides);
    }),
};

function byId<T>(segment: string, kind: string, lookup: (id: string) => T | undefined): Handler {
  return (_catalog, query) => {
    const id = decodeId(segment);
    const found = lookup(id);
    if (found === undefined) return notFound(`Unknown ${kind} '${id}'.`);
    assertOnly(query, []);
    return ok(found);
  };
}

/** The handler of a path's segments, or undefined for an unknown path. */
function route(catalog: Catalog, segments: readonly string[]): Handler | undefined {
  const [resource, id, sub, ...rest] = segments;
  if (rest.length > 0 || id === '' || sub === '') return undefined;
  switch (resource) {
    case 'models':
      if (id === undefined) return listModelsHandler;
      if (sub === undefined) {
        return withModel(id, (entry, query) => {
          assertOnly(query, []);
          return ok(entry.model);
        });
      }
      return Object.hasOwn(MODEL_SUBRESOURCES, sub) ? MODEL_SUBRESOURCES[sub]?.(catalog, id) : undefined;
    case 'collections':
      if (sub !== undefined) return undefined;
      if (id !== undefined) return byId(id, 'collection', (key) => catalog.collectionsById.get(key));
      return (c, query) => {
        assertOnly(query, ['category']);
        const wanted = listOf(query, 'category', CATEGORIES);
        const all = c.collections;
        return ok(
          wanted.length === 0 ? all : all.filter((col) => col.category.some((cat) => wanted.includes(cat))),
        );
      };
    case 'capabilities':
      if (id !== undefined) return undefined;
      return (c, query) => {
        assertOnly(query, []);
        return ok(c.capabilities);
      };
    case 'creators':
      if (sub !== undefined) return undefined;
      if (id !== undefined) return byId(id, 'creator', (key) => catalog.creatorsById.get(key));
      return (c, query) => {
        assertOnly(query, []);
        return ok(c.creators);
      };
    default:
      return undefined;
  }
}

/** Path segments after the leading `/`, with one trailing `/` tolerated. */
function segmentsOf(path: string): string[] | undefined {
  if (!path.startsWith('/')) return undefined;
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.slice(1).split('/');
}

/**
 * Answers one content request. `path` is the part after `/content`, still percent-encoded
 * (`/models/runware%3A400%401/pricing`); `query` is the request's query string.
 */
export function handleContentRequest(
  catalog: Catalog,
  method: string,
  path: string,
  query: URLSearchParams,
): ContentResponse {
  const segments = segmentsOf(path);
  const handler = segments === undefined ? undefined : route(catalog, segments);
  if (handler === undefined) return notFound(`No content resource at '${path}'.`);
  const verb = method.toUpperCase();
  if (verb !== 'GET' && verb !== 'HEAD') return methodNotAllowed(verb);
  try {
    return handler(catalog, query);
  } catch (error) {
    if (error instanceof InvalidParameter) return invalidParameter(error.parameter, error.message);
    throw error;
  }
}
