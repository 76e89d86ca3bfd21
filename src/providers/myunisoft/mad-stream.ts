/**
 * Streams a MAD listing (`/mad/movements`, `/mad/entries`, or the entries of a full export's file): the
 * JSON array is split item by item (json-array-items.ts), each item validated with zod and mapped as it
 * arrives, in batches of one network chunk. Nothing holds the whole body — 150–250 MB for a big exercise
 * at MyUnisoft.
 */
import type { z } from 'zod';
import { UpstreamBadDataError, UpstreamError } from '../../errors';
import type { QueryValue, UpstreamResponse } from '../http';
import { invalidResponse, type MyUnisoftClient } from './client';
import { JsonArrayError, jsonArrayBatches } from './json-array-items';
import { EVERY, type DigitIdPath } from './json-digit-ids';
import { arrayAtPath } from './json-path-array';
import { badRow } from './map';
import { rowName } from '../upstream-amount';

/** MAD's unique short ids (json-digit-ids.ts: kept out of V8's string table while parsing). */
const MAD_ID_KEYS = ['producerId'];
/** Where a MAD movement keeps its ids (its own, its account's, its entry's and journal's, its analytic axes'). */
const MOVEMENT_ID_PATHS: DigitIdPath[] = [
  ['producerId'],
  ['account', 'producerId'],
  ['entry', 'producerId'],
  ['entry', 'journal', 'producerId'],
  ['analytics', EVERY, 'producerId'],
  ['analytics', EVERY, 'sections', EVERY, 'producerId'],
];
/** Where a MAD entry (the full export's, `/mad/entries`) keeps its ids: its own, its journal's, its movements'. */
const ENTRY_ID_PATHS: DigitIdPath[] = [
  ['producerId'],
  ['journal', 'producerId'],
  ['movements', EVERY, 'producerId'],
  ['movements', EVERY, 'account', 'producerId'],
  ['movements', EVERY, 'analytics', EVERY, 'producerId'],
  ['movements', EVERY, 'analytics', EVERY, 'sections', EVERY, 'producerId'],
];
/** How each kind of item (MadItems' `what`) has its ids read: along its paths first, any other by a walk. */
export const MAD_DIGIT_IDS: Readonly<Record<string, { digitIdKeys: string[]; digitIdPaths: DigitIdPath[] }>> =
  {
    movement: { digitIdKeys: MAD_ID_KEYS, digitIdPaths: MOVEMENT_ID_PATHS },
    entry: { digitIdKeys: MAD_ID_KEYS, digitIdPaths: ENTRY_ID_PATHS },
  };

/** How the items of an answer are read: what one must look like, and what it becomes. */
export interface MadItems<S extends z.ZodType, T> {
  route: string;
  /** What one item must look like; `what` names it in errors (`movement`, `entry`). */
  schema: S;
  what: string;
  map: (item: z.infer<S>) => T;
  /** Items to keep (default all): a filter MAD cannot apply upstream. */
  keep?: (item: z.infer<S>) => boolean;
  /** Key path of the array inside a larger document (default: the body is the array). */
  at?: readonly string[];
}

export interface MadListing<S extends z.ZodType, T> extends MadItems<S, T> {
  path: string;
  query: Record<string, QueryValue>;
  companyId: string;
  signal?: AbortSignal;
}

/**
 * Every item, mapped, or the UpstreamBadDataError naming it when it is malformed (its shape, or what
 * `map` refuses): the caller decides whether a bad row fails the whole listing.
 */
export async function* streamMadRows<S extends z.ZodType, T>(
  client: MyUnisoftClient,
  listing: MadListing<S, T>,
): AsyncGenerator<(T | UpstreamBadDataError)[]> {
  const response = await client.stream({
    route: listing.route,
    path: listing.path,
    query: listing.query,
    societyId: listing.companyId,
    ...(listing.signal ? { signal: listing.signal } : {}),
  });
  yield* madRows(client, response, listing);
}

/** The rows of an open answer, validated and mapped as they arrive; the body is released however it ends. */
export async function* madRows<S extends z.ZodType, T>(
  client: MyUnisoftClient,
  response: UpstreamResponse,
  { route, schema, what, map, keep = () => true, at }: MadItems<S, T>,
): AsyncGenerator<(T | UpstreamBadDataError)[]> {
  let index = 0;
  try {
    const body = at ? arrayAtPath(response.body, at) : response.body;
    const options = {
      endsInside: at !== undefined,
      ...(MAD_DIGIT_IDS[what] ?? { digitIdKeys: MAD_ID_KEYS }),
    };
    for await (const batch of jsonArrayBatches(body, options)) {
      const items: (T | UpstreamBadDataError)[] = [];
      for (const value of batch) {
        const row = itemRow(what, value, index++);
        const parsed = schema.safeParse(value);
        if (!parsed.success) items.push(badRow(row, `unexpected shape at ${issuePath(parsed.error)}`));
        else if (keep(parsed.data)) items.push(mapRow(map, parsed.data));
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

/** Every item, mapped; the first malformed one fails the listing as UPSTREAM_BAD_DATA (bulk exports). */
export function streamMadListing<S extends z.ZodType, T>(
  client: MyUnisoftClient,
  listing: MadListing<S, T>,
): AsyncGenerator<T[]> {
  return failOnBadRow(streamMadRows(client, listing));
}

/** The items of an open answer (a full export's file); the first malformed one fails it as UPSTREAM_BAD_DATA. */
export function madItems<S extends z.ZodType, T>(
  client: MyUnisoftClient,
  response: UpstreamResponse,
  items: MadItems<S, T>,
): AsyncGenerator<T[]> {
  return failOnBadRow(madRows(client, response, items));
}

async function* failOnBadRow<T>(rows: AsyncGenerator<(T | UpstreamBadDataError)[]>): AsyncGenerator<T[]> {
  for await (const batch of rows) {
    const bad = batch.find((item): item is UpstreamBadDataError => item instanceof UpstreamBadDataError);
    if (bad) throw bad;
    yield batch as T[];
  }
}

function mapRow<I, T>(map: (item: I) => T, item: I): T | UpstreamBadDataError {
  try {
    return map(item);
  } catch (error) {
    if (error instanceof UpstreamBadDataError) return error;
    throw error;
  }
}

/** `movement 148627082` when the item has a readable id, else its position. */
function itemRow(what: string, value: unknown, index: number): string {
  const id = (value as { producerId?: unknown } | null)?.producerId;
  return typeof id === 'string' ? rowName(what, id) : `${what} #${index}`;
}

/** The field at fault, by the schema's own keys (never the upstream value). */
const issuePath = (error: z.ZodError) => error.issues[0]?.path.join('.') || '(root)';
