/**
 * Walks a paginated list lazily: one page is fetched when the previous one was consumed, and the
 * walk stops at `current_page >= total_pages` — or when the server sends an empty page or does not
 * advance, so a misbehaving server cannot make it loop forever.
 */

/** The paging fields the walk reads (`PaginationMeta` of the spec). */
export interface PageMeta {
  current_page: number;
  total_pages: number;
}

/** Yields every item of every page, starting at `firstPage`. */
export async function* paginate<T>(
  fetchPage: (page: number) => Promise<{ data: T[]; meta?: PageMeta | undefined }>,
  firstPage = 1,
): AsyncGenerator<T, void, undefined> {
  for (let page = firstPage; ; ) {
    const { data, meta } = await fetchPage(page);
    // A server that answers an earlier page than asked for is not advancing: its items were seen.
    if (meta && meta.current_page < page) return;
    yield* data;
    if (!meta || data.length === 0 || meta.current_page >= meta.total_pages) return;
    page = meta.current_page + 1;
  }
}
