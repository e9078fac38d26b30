// Async iteration over the API's pages: pass each page's `next_page_token` back as
// `page_token` until it is null.

/** What every list operation answers. */
export interface Page<T> {
  items: T[];
  next_page_token: string | null;
}

/** Fetches one page; `pageToken` is undefined for the first. */
export type PageFetcher<T> = (pageToken: string | undefined) => Promise<Page<T>>;

/** Every page, first to last. */
export async function* pages<T>(fetchPage: PageFetcher<T>): AsyncGenerator<Page<T>, void, undefined> {
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    yield page;
    // An empty token would be refused (400): treat it like null, as the last page.
    token = page.next_page_token || undefined;
  } while (token !== undefined);
}

/** Every item of every page, in order. */
export async function* items<T>(fetchPage: PageFetcher<T>): AsyncGenerator<T, void, undefined> {
  for await (const page of pages(fetchPage)) {
    yield* page.items;
  }
}
