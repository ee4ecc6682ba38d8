import { describeValue, isPlainObject } from '../config/config-checks';
import { didYouMean, suggestionSuffix } from '../config/did-you-mean';
import { createRunwareError } from '../errors/create-runware-error';
import type { ContentClient, CreateContentClientOptions, ListModelsParams } from './content-client';
import { getContent } from './content-request';
import type {
  ContentCapability,
  ContentCategory,
  ContentCollection,
  ContentCreator,
  ContentExample,
  ContentGuide,
  ContentModel,
  ContentPage,
  ContentPricing,
} from './content-types';
import { contentRoot, hasStatusFilter, idSegment, listModelsQuery, queryString } from './content-url';

// The shapes are open and trusted as the service sends them; only the outer form is checked, so a
// wrong endpoint (an HTML page, an object for a list) fails loudly instead of deep in user code.
function badShape(url: string, expected: string) {
  return createRunwareError(
    'parseError',
    `The content service answered ${url} with something not ${expected}.`,
  );
}

function asList<T>(body: unknown, url: string): T[] {
  if (!Array.isArray(body)) throw badShape(url, 'an array');
  return body as T[];
}

function asItem<T>(body: unknown, url: string): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badShape(url, 'an object');
  return body as T;
}

function asPage<T>(body: unknown, url: string): ContentPage<T> {
  const page = asItem<Partial<ContentPage<T>>>(body, url);
  if (!Array.isArray(page.items)) throw badShape(url, 'a page ({ total, limit, offset, items })');
  return page as ContentPage<T>;
}

function invalidArgument(parameter: string, message: string) {
  return createRunwareError('invalidParams', message, { parameter });
}

const listModelsKeys = [
  'capability',
  'status',
  'category',
  'creator',
  'search',
  'sort',
  'order',
  'paginate',
  'limit',
  'offset',
];

/** Filters are an object of known keys: `listModels('flux')` or `{ q: 'flux' }` say what was meant. */
function checkFilters(params: unknown, known: readonly string[]): void {
  if (!isPlainObject(params))
    throw invalidArgument(
      'params',
      `Filters must be an object such as { search: 'flux' }, got ${describeValue(params)}.`,
    );
  for (const key of Object.keys(params)) {
    if (known.includes(key)) continue;
    const suggestion = didYouMean(key, known, { q: 'search', query: 'search', text: 'search' });
    throw invalidArgument(key, `Unknown filter "${key}".${suggestionSuffix(suggestion)}`);
  }
}

/** The `openai-compatible` models are listed only when asked for by status (PROTOCOL.md §1). */
const shown = (model: ContentModel) => model.status !== 'openai-compatible';

/** A client of the content service: plain GETs, no API key, 404 on one item → null or []. */
export function createContentClient(options: CreateContentClientOptions): ContentClient {
  const root = contentRoot(options.contentBaseUrl);

  /** A list endpoint: every non-OK status, 404 included, is an error. */
  const fetchList = async (path: string): Promise<{ url: string; body: unknown }> => {
    const url = `${root}${path}`;
    const answer = await getContent(options, url);
    if (!answer.found) {
      throw createRunwareError('httpError', `The content service answered HTTP 404 for ${url}.`, {
        statusCode: 404,
      });
    }
    return { url, body: answer.body };
  };
  const list = async <T>(path: string): Promise<T[]> => {
    const { url, body } = await fetchList(path);
    return asList<T>(body, url);
  };

  /** An item endpoint under `/{kind}/{id}`: undefined when the id is unknown (404). */
  const fetchItem = async (kind: string, id: string, rest: string) => {
    // An empty string is an id no model has (null), but a non-string is a mistake in the call.
    if (typeof id !== 'string')
      throw invalidArgument('id', `The id must be a string (a slug or an AIR), got ${describeValue(id)}.`);
    const segment = idSegment(id);
    if (segment === undefined) return undefined;
    const url = `${root}/${kind}/${segment}${rest}`;
    const answer = await getContent(options, url);
    return answer.found ? { url, body: answer.body } : undefined;
  };
  const one = async <T>(kind: string, id: string, rest = ''): Promise<T | null> => {
    const found = await fetchItem(kind, id, rest);
    return found ? asItem<T>(found.body, found.url) : null;
  };
  const many = async <T>(kind: string, id: string, rest: string): Promise<T[]> => {
    const found = await fetchItem(kind, id, rest);
    return found ? asList<T>(found.body, found.url) : [];
  };

  function listModels(params?: ListModelsParams & { paginate?: false }): Promise<ContentModel[]>;
  function listModels(params: ListModelsParams & { paginate: true }): Promise<ContentPage<ContentModel>>;
  async function listModels(
    params: ListModelsParams = {},
  ): Promise<ContentModel[] | ContentPage<ContentModel>> {
    checkFilters(params, listModelsKeys);
    const path = `/models${listModelsQuery(params)}`;
    const keepAll = hasStatusFilter(params);
    if (params.paginate !== true) {
      const models = await list<ContentModel>(path);
      return keepAll ? models : models.filter(shown);
    }
    const { url, body } = await fetchList(path);
    const page = asPage<ContentModel>(body, url);
    // `total` stays as the server counted it: the service has no way to leave these models out.
    return keepAll ? page : { ...page, items: page.items.filter(shown) };
  }

  return {
    listModels,
    getModel: (id) => one<ContentModel>('models', id),
    getModelExamples: (id, params = {}) =>
      many<ContentExample>('models', id, `/examples${queryString({ capability: params.capability })}`),
    getModelPricing: (id) => one<ContentPricing>('models', id, '/pricing'),
    getModelGuides: (id) => many<ContentGuide>('models', id, '/guides'),
    listCollections: async (params: { category?: ContentCategory } = {}) => {
      checkFilters(params, ['category']);
      return list<ContentCollection>(`/collections${queryString({ category: params.category })}`);
    },
    getCollection: (id) => one<ContentCollection>('collections', id),
    listCapabilities: () => list<ContentCapability>('/capabilities'),
    listCreators: () => list<ContentCreator>('/creators'),
    getCreator: (id) => one<ContentCreator>('creators', id),
  };
}
