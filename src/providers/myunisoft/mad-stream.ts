/**
 * Streams a MAD listing (`/mad/movements`, `/mad/entries`, or the entries of a full export's file): the
 * JSON array is split item by item (json-array-items.ts), each item validated with zod and mapped as it
 * arrives, in batches of one network chunk. Nothing holds the whole body — 150–250 MB for a big exercise
 * at MyUnisoft.
 */
import type { z } from 'zod';
import { UpstreamError } from '../../errors';
import type { QueryValue, UpstreamResponse } from '../http';
import { invalidResponse, type MyUnisoftClient } from './client';
import { JsonArrayError, jsonArrayBatches } from './json-array-items';
import { arrayAtPath } from './json-path-array';

/** How the items of an answer are read: what one must look like, and what it becomes. */
export interface MadItems<S extends z.ZodType, T> {
  route: string;
  /** What one item must look like; `what` names it in errors (`movement`, `entry`). */
  schema: S;
  what: string;
  map: (item: z.infer<S>) => T;
  /** Key path of the array inside a larger document (default: the body is the array). */
  at?: readonly string[];
}

export interface MadListing<S extends z.ZodType, T> extends MadItems<S, T> {
  path: string;
  query: Record<string, QueryValue>;
  companyId: string;
  signal?: AbortSignal;
}

export async function* streamMadListing<S extends z.ZodType, T>(
  client: MyUnisoftClient,
  listing: MadListing<S, T>,
): AsyncGenerator<T[]> {
  const response = await client.stream({
    route: listing.route,
    path: listing.path,
    query: listing.query,
    societyId: listing.companyId,
    ...(listing.signal ? { signal: listing.signal } : {}),
  });
  yield* madItems(client, response, listing);
}

/** The items of an open answer, validated and mapped as they arrive; the body is released however it ends. */
export async function* madItems<S extends z.ZodType, T>(
  client: MyUnisoftClient,
  response: UpstreamResponse,
  { route, schema, what, map, at }: MadItems<S, T>,
): AsyncGenerator<T[]> {
  let index = 0;
  try {
    const body = at ? arrayAtPath(response.body, at) : response.body;
    for await (const batch of jsonArrayBatches(body, { endsInside: at !== undefined })) {
      yield batch.map((value) => {
        const parsed = schema.safeParse(value);
        if (!parsed.success) throw invalidResponse(route, `${what} #${index} has an unexpected shape`);
        index++;
        return map(parsed.data);
      });
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
