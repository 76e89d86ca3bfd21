/**
 * Streams a MAD listing (`/mad/movements`, `/mad/entries`): the JSON array is split item by item
 * (json-array-items.ts), each item validated with zod and mapped as it arrives, in batches of one
 * network chunk. Nothing holds the whole body — 150–250 MB for a big exercise at MyUnisoft.
 */
import type { z } from 'zod';
import { UpstreamError } from '../../errors';
import type { QueryValue } from '../http';
import { invalidResponse, type MyUnisoftClient } from './client';
import { JsonArrayError, jsonArrayBatches } from './json-array-items';

export interface MadListing<S extends z.ZodType, T> {
  route: string;
  path: string;
  query: Record<string, QueryValue>;
  companyId: string;
  /** What one item must look like; `what` names it in errors (`movement`, `entry`). */
  schema: S;
  what: string;
  map: (item: z.infer<S>) => T;
  /** Items to keep (default all): a filter MAD cannot apply upstream. */
  keep?: (item: z.infer<S>) => boolean;
  signal?: AbortSignal;
}

export async function* streamMadListing<S extends z.ZodType, T>(
  client: MyUnisoftClient,
  listing: MadListing<S, T>,
): AsyncGenerator<T[]> {
  const { route, schema, what, map, keep = () => true } = listing;
  const response = await client.stream({
    route,
    path: listing.path,
    query: listing.query,
    societyId: listing.companyId,
    ...(listing.signal ? { signal: listing.signal } : {}),
  });
  let index = 0;
  try {
    for await (const batch of jsonArrayBatches(response.body)) {
      const items: T[] = [];
      for (const value of batch) {
        const parsed = schema.safeParse(value);
        if (!parsed.success) throw invalidResponse(route, `${what} #${index} has an unexpected shape`);
        index++;
        if (keep(parsed.data)) items.push(map(parsed.data));
      }
      yield items;
    }
  } catch (error) {
    response.body.destroy();
    if (error instanceof UpstreamError) throw error;
    if (error instanceof JsonArrayError || error instanceof SyntaxError)
      throw invalidResponse(route, 'malformed JSON');
    throw client.networkError(error);
  } finally {
    // A consumer that stops early (a full page, a cancelled export) releases the connection.
    if (!response.body.destroyed) response.body.destroy();
  }
}
