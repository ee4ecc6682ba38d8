import { models } from '@runware/types';
import { describe, expect, it } from 'vitest';
import { buildCatalog, type ContentModel, handleContentRequest } from '../src/content/index';

const catalog = buildCatalog(models);

function get(query: string) {
  return handleContentRequest(catalog, 'GET', '/models', new URLSearchParams(query));
}
function list(query = ''): ContentModel[] {
  const res = get(query);
  expect(res.status, query).toBe(200);
  expect(Array.isArray(res.body)).toBe(true);
  return res.body as ContentModel[];
}
interface Page {
  total: number;
  limit: number;
  offset: number;
  items: ContentModel[];
}
function page(query: string): Page {
  const res = get(query);
  expect(res.status, query).toBe(200);
  return res.body as Page;
}
const slugs = (ms: readonly ContentModel[]) => ms.map((m) => m.model);
const categoryOf = (m: ContentModel) => catalog.ids.get(m.model)?.category;
const popularityOf = (m: ContentModel) => catalog.ids.get(m.model)?.popularity ?? -1;
const all = list();

/** Expected result of a filter: the full list, filtered by `keep`, in the same order. */
const expectFilter = (query: string, keep: (m: ContentModel) => boolean) => {
  const expected = all.filter(keep);
  expect(expected.length, query).toBeGreaterThan(0);
  expect(expected.length, query).toBeLessThan(all.length);
  expect(slugs(list(query))).toEqual(slugs(expected));
};

describe('GET /models: listing and filters', () => {
  it('lists every model as a plain array, highest weight first by default', () => {
    expect(all).toHaveLength(350);
    expect(new Set(slugs(all)).size).toBe(350);
    for (let i = 1; i < all.length; i++) {
      expect((all[i - 1]?.weight ?? 0) >= (all[i]?.weight ?? 0)).toBe(true);
    }
    expect(slugs(list('sort=weight&order=desc'))).toEqual(slugs(all));
  });

  it('filters by capability, status, category and creator', () => {
    expectFilter('capability=io:text-to-image', (m) => m.capabilities.includes('io:text-to-image'));
    expectFilter('capability=op:upscale', (m) => m.capabilities.includes('op:upscale'));
    expectFilter('status=deprecated', (m) => m.status === 'deprecated');
    expectFilter('status=openai-compatible', (m) => m.status === 'openai-compatible');
    expectFilter('category=video', (m) => categoryOf(m) === 'video');
    expectFilter('category=3d', (m) => categoryOf(m) === '3d');
    expectFilter('creator=black-forest-labs', (m) => m.creator === 'black-forest-labs');
    expectFilter('creator=google', (m) => m.creator === 'google');
  });

  it('treats values of one parameter as alternatives, repeated or comma-separated', () => {
    const keep = (m: ContentModel) => categoryOf(m) === 'audio' || categoryOf(m) === 'text';
    expectFilter('category=audio,text', keep);
    expectFilter('category=audio&category=text', keep);
    expectFilter(
      'status=coming-soon, deprecated',
      (m) => m.status === 'coming-soon' || m.status === 'deprecated',
    );
  });

  it('applies different parameters together', () => {
    expectFilter(
      'capability=io:image-to-image&category=image&creator=black-forest-labs&status=live',
      (m) =>
        m.capabilities.includes('io:image-to-image') &&
        categoryOf(m) === 'image' &&
        m.creator === 'black-forest-labs' &&
        m.status === 'live',
    );
    expect(list('category=audio&capability=io:text-to-image')).toEqual([]);
    expect(list('status=draft')).toEqual([]);
  });

  it('searches name, slug, AIR, headline and description case-insensitively, every word', () => {
    const haystack = (m: ContentModel) =>
      [m.name, m.model, m.air, m.headline, m.description].join(' ').toLowerCase();
    expectFilter('q=FLUX', (m) => haystack(m).includes('flux'));
    expectFilter('q=flux%20kontext', (m) => haystack(m).includes('flux') && haystack(m).includes('kontext'));
    expectFilter('q=runware:400', (m) => haystack(m).includes('runware:400'));
    expectFilter('q=Black+Forest', (m) => haystack(m).includes('black') && haystack(m).includes('forest'));
    expect(list('q=zzzz-no-such-model')).toEqual([]);
    expect(list('q=flux,dev')).toEqual([]); // a comma is part of the text, not a separator
    expect(slugs(list('q='))).toEqual(slugs(all));
  });

  it('combines search with filters the way the SDK example does', () => {
    const found = list('capability=io:text-to-image&category=image&creator=black-forest-labs&q=flux');
    expect(found.length).toBeGreaterThan(3);
    for (const m of found) {
      expect(m.creator).toBe('black-forest-labs');
      expect(m.capabilities).toContain('io:text-to-image');
      expect(m.name.toLowerCase()).toContain('flux');
    }
  });
});

describe('GET /models: sorting', () => {
  const keys: Record<string, (m: ContentModel) => string | number> = {
    weight: (m) => m.weight,
    releasedAt: (m) => m.releasedAt,
    name: (m) => m.name.toLowerCase(),
    creator: (m) => m.creator,
    popularity: popularityOf,
  };

  for (const [sort, key] of Object.entries(keys)) {
    it(`sorts by ${sort} in both directions, desc the exact reverse of asc`, () => {
      const asc = list(`sort=${sort}&order=asc`);
      const desc = list(`sort=${sort}&order=desc`);
      expect(asc).toHaveLength(350);
      for (let i = 1; i < asc.length; i++) {
        const a = key(asc[i - 1] as ContentModel);
        const b = key(asc[i] as ContentModel);
        expect(a <= b, `${sort}: ${String(a)} then ${String(b)}`).toBe(true);
      }
      expect(slugs(desc)).toEqual(slugs(asc).reverse());
    });
  }

  it('has natural directions: newest and popular first, names and creators A to Z', () => {
    expect(slugs(list('sort=releasedAt'))).toEqual(slugs(list('sort=releasedAt&order=desc')));
    expect(slugs(list('sort=popularity'))).toEqual(slugs(list('sort=popularity&order=desc')));
    expect(slugs(list('sort=name'))).toEqual(slugs(list('sort=name&order=asc')));
    expect(slugs(list('sort=creator'))).toEqual(slugs(list('sort=creator&order=asc')));
    expect(slugs(list('order=asc'))).toEqual(slugs(list('sort=weight&order=asc')));
  });

  it('treats newest as releasedAt and alpha as name', () => {
    expect(slugs(list('sort=newest'))).toEqual(slugs(list('sort=releasedAt&order=desc')));
    expect(slugs(list('sort=newest&order=asc'))).toEqual(slugs(list('sort=releasedAt&order=asc')));
    expect(slugs(list('sort=alpha'))).toEqual(slugs(list('sort=name&order=asc')));
    expect(slugs(list('sort=alpha&order=desc'))).toEqual(slugs(list('sort=name&order=desc')));
  });

  it('sorts after filtering', () => {
    const videos = list('category=video&sort=name');
    expect(slugs(videos)).toEqual(slugs(list('sort=name').filter((m) => categoryOf(m) === 'video')));
  });
});

describe('GET /models: pagination', () => {
  it('pages with paginate=true: default limit 50, total counts every match', () => {
    const first = page('paginate=true');
    expect(first).toEqual({ total: 350, limit: 50, offset: 0, items: all.slice(0, 50) });
    const third = page('paginate=true&limit=25&offset=50');
    expect(third.total).toBe(350);
    expect(slugs(third.items)).toEqual(slugs(all.slice(50, 75)));
  });

  it('pages through a filtered, sorted list without gaps or repeats', () => {
    const full = list('category=image&sort=name');
    const seen: ContentModel[] = [];
    for (let offset = 0; offset < full.length; offset += 30) {
      const p = page(`category=image&sort=name&paginate=true&limit=30&offset=${offset}`);
      expect(p.total).toBe(full.length);
      expect(p.offset).toBe(offset);
      seen.push(...p.items);
    }
    expect(slugs(seen)).toEqual(slugs(full));
  });

  it('clamps limit to 100, allows 0, and gives an empty page past the end', () => {
    const big = page('paginate=true&limit=500');
    expect(big.limit).toBe(100);
    expect(big.items).toHaveLength(100);
    expect(page('paginate=true&limit=0')).toEqual({ total: 350, limit: 0, offset: 0, items: [] });
    expect(page('paginate=true&offset=1000')).toEqual({ total: 350, limit: 50, offset: 1000, items: [] });
    const tail = page('paginate=true&limit=100&offset=340');
    expect(slugs(tail.items)).toEqual(slugs(all.slice(340)));
  });

  it('slices a plain array with limit and offset when not paginating', () => {
    expect(slugs(list('limit=10'))).toEqual(slugs(all.slice(0, 10)));
    expect(slugs(list('offset=345'))).toEqual(slugs(all.slice(345)));
    expect(slugs(list('limit=3&offset=7&paginate=false'))).toEqual(slugs(all.slice(7, 10)));
    expect(list('limit=1000')).toHaveLength(100);
  });
});

describe('GET /models: invalid parameters', () => {
  const cases: [string, string][] = [
    ['sort=banana', 'sort'],
    ['order=up', 'order'],
    ['limit=-1', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1.5', 'limit'],
    ['limit=1e3', 'limit'],
    ['offset=-3', 'offset'],
    ['paginate=yes', 'paginate'],
    ['paginate=1', 'paginate'],
    ['category=music', 'category'],
    ['category=image,music', 'category'],
    ['status=gone', 'status'],
    ['capability=io:mind-to-image', 'capability'],
    ['capability=text-to-image', 'capability'],
    ['creator=nobody', 'creator'],
    ['search=flux', 'search'],
    ['sort=name&sort=weight', 'sort'],
    ['limit=10&limit=20', 'limit'],
    ['q=flux&q=dev', 'q'],
  ];

  for (const [query, parameter] of cases) {
    it(`rejects ${query} with 400 naming ${parameter}`, () => {
      const res = get(query);
      expect(res.status).toBe(400);
      const body = res.body as { errors: { code: string; message: string; parameter: string }[] };
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]).toMatchObject({ code: 'invalidParameter', parameter });
      expect(body.errors[0]?.message).toContain(parameter);
    });
  }

  it('treats empty values as absent', () => {
    expect(slugs(list('sort=&order=&limit=&offset=&paginate=&category=&q='))).toEqual(slugs(all));
  });
});
