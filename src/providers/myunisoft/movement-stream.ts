/**
 * Downloads one window of `GET /api/v1/mad/movements` and parses its JSON array incrementally
 * (stream-json): each movement is validated with zod and mapped to cents as it arrives, so the raw
 * body (150–250 MB for a big exercise at MyUnisoft) is never held whole.
 */
import StreamArray from 'stream-json/streamers/StreamArray';
import type { MovementFilter } from '../types';
import type { MovementRecord } from '../../domain/model';
import { UpstreamError } from '../../errors';
import { MAD_VERSION, invalidResponse, type MyUnisoftClient } from './client';
import { movementFromMad } from './map';
import { madMovementSchema } from './schemas';
import type { MonthWindow } from './movement-windows';

const ROUTE = 'GET /api/v1/mad/movements';

/** The filter as MAD query parameters (the window is added per call). */
export function movementQuery(filter: MovementFilter) {
  return {
    version: MAD_VERSION,
    dateFilter: filter.dateFilter?.toLowerCase(),
    source: filter.source,
    classAccount: filter.accountClasses,
    lettering: filter.lettering?.toLowerCase(),
    // `draft` is a presence flag at MyUnisoft.
    draft: filter.draft ? 'true' : undefined,
  };
}

export async function fetchMovementsWindow(
  client: MyUnisoftClient,
  companyId: string,
  window: MonthWindow,
  filter: MovementFilter,
  signal?: AbortSignal,
): Promise<MovementRecord[]> {
  const response = await client.stream({
    route: ROUTE,
    path: '/api/v1/mad/movements',
    query: { ...movementQuery(filter), startDate: window.start, endDate: window.end },
    societyId: companyId,
    ...(signal ? { signal } : {}),
  });
  const items = StreamArray.withParser();
  response.body.on('error', (error) => items.destroy(error));
  response.body.pipe(items);
  const movements: MovementRecord[] = [];
  try {
    for await (const { value } of items as AsyncIterable<{ key: number; value: unknown }>) {
      const parsed = madMovementSchema.safeParse(value);
      if (!parsed.success)
        throw invalidResponse(ROUTE, `movement #${movements.length} has an unexpected shape`);
      movements.push(movementFromMad(companyId, parsed.data));
    }
  } catch (error) {
    response.body.destroy();
    if (error instanceof UpstreamError) throw error;
    throw invalidResponse(ROUTE, 'malformed JSON');
  }
  return movements;
}
