/** `recordings.iterate` walks every page lazily and stops where the spec says — or where a bad server would loop. */
import { describe, expect, it } from 'vitest';
import { collect, json, recordingFetch, testClient } from '../../test/helpers.js';

const rec = (id: number) => ({ id, name: `Call ${id}`, status: 'completed' });
const page = (current: number, total: number, ids: number[], perPage = 2) =>
  json({ data: ids.map(rec), meta: { current_page: current, per_page: perPage, total_pages: total, total_count: total * perPage } });

describe('recordings.iterate', () => {
  it('walks every page in order, passing status and per_page, and stops at total_pages', async () => {
    const { fetch, sent } = recordingFetch(page(1, 3, [1, 2]), page(2, 3, [3, 4]), page(3, 3, [5]));
    const items = await collect(testClient(fetch).recordings.iterate({ status: 'completed', per_page: 2 }));
    expect(items.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(sent.map((s) => new URL(s.url).search)).toEqual([
      '?status=completed&per_page=2&page=1',
      '?status=completed&per_page=2&page=2',
      '?status=completed&per_page=2&page=3',
    ]);
  });

  it('is lazy: the next page is fetched only when the previous one is consumed', async () => {
    const { fetch, sent } = recordingFetch(page(1, 5, [1, 2]), page(2, 5, [3, 4]));
    const iterator = testClient(fetch).recordings.iterate()[Symbol.asyncIterator]();
    expect(sent).toHaveLength(0);
    expect((await iterator.next()).value).toMatchObject({ id: 1 });
    expect((await iterator.next()).value).toMatchObject({ id: 2 });
    expect(sent).toHaveLength(1);
    expect((await iterator.next()).value).toMatchObject({ id: 3 });
    expect(sent).toHaveLength(2);
    await iterator.return?.(undefined);
  });

  it('stops when the caller breaks out', async () => {
    const { fetch, sent } = recordingFetch(page(1, 100, [1, 2]));
    for await (const r of testClient(fetch).recordings.iterate()) if (r.id === 1) break;
    expect(sent).toHaveLength(1);
  });

  it.each([
    { name: 'a single page', answers: [page(1, 1, [1, 2])], ids: [1, 2], requests: 1 },
    { name: 'no recordings at all', answers: [page(1, 0, [])], ids: [], requests: 1 },
    { name: 'an empty page before total_pages', answers: [page(1, 9, [1, 2]), page(2, 9, [])], ids: [1, 2], requests: 2 },
    { name: 'a server that never advances', answers: [page(1, 9, [1, 2]), page(1, 9, [1, 2])], ids: [1, 2], requests: 2 },
    { name: 'a page past the end', answers: [page(1, 2, [1, 2]), page(5, 2, [3])], ids: [1, 2, 3], requests: 2 },
  ])('stops on $name', async ({ answers, ids, requests }) => {
    const { fetch, sent } = recordingFetch(...answers);
    const items = await collect(testClient(fetch).recordings.iterate());
    expect(items.map((r) => r.id)).toEqual(ids);
    expect(sent).toHaveLength(requests);
  });

  it('starts from the given page', async () => {
    const { fetch, sent } = recordingFetch(page(3, 3, [5]));
    expect((await collect(testClient(fetch).recordings.iterate({ page: 3 }))).map((r) => r.id)).toEqual([5]);
    expect(new URL(sent[0]!.url).searchParams.get('page')).toBe('3');
  });
});
