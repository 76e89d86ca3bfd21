/**
 * Pages through movements slice by slice (windows, or an exercise's drafts: movement-slices.ts). A resume token is
 * `m2.<window index>.<offset in window>` (m1 tokens indexed whole months and are refused);
 * a page reads the windows it needs (through the connector's window cache) and, when it ends on a
 * window's last movement, looks ahead to the next non-empty window so `hasNextPage` is exact — that
 * window is cached, so the next page does not download it again.
 */
import type { MovementRecord } from '../../domain/model';
import { BadUserInputError, UpstreamError } from '../../errors';
import type { MovementRow } from './movement-stream';
import type { MovementFilter, Page, PageRequest } from '../types';

const TOKEN = /^m2\.(\d+)\.(\d+)$/;

export const movementToken = (window: number, offset: number) => `m2.${window}.${offset}`;

export function parseMovementToken(after: string | null): { window: number; offset: number } {
  if (after === null) return { window: 0, offset: 0 };
  const match = TOKEN.exec(after);
  if (!match) throw new BadUserInputError('This cursor does not belong to this movement listing.', 'after');
  return { window: Number(match[1]), offset: Number(match[2]) };
}

/** A stable cache key for what one upstream call downloads (a slice's filter, see movement-slices.ts). */
export function filterKey(companyId: string, filter: MovementFilter): string {
  const classes = [...(filter.accountClasses ?? [])].sort().join(',');
  return [
    companyId,
    filter.exerciseId ?? '',
    filter.from ?? '',
    filter.to ?? '',
    filter.dateFilter ?? 'DOCUMENT',
    filter.source ?? '',
    classes,
    filter.lettering ?? '',
    filter.draft === undefined ? '' : String(filter.draft),
  ].join('|');
}

export async function pageMovements<W>(
  windows: W[],
  loadWindow: (window: W) => Promise<MovementRow[]>,
  page: PageRequest,
): Promise<Page<MovementRecord>> {
  let { window, offset } = parseMovementToken(page.after);
  const items: Page<MovementRecord>['items'] = [];
  const rowErrors: UpstreamError[] = [];
  const done = (hasNextPage: boolean): Page<MovementRecord> => ({
    items,
    hasNextPage,
    totalCount: null,
    ...(rowErrors.length > 0 ? { rowErrors } : {}),
  });
  while (window < windows.length) {
    const movements = await loadWindow(windows[window]!);
    while (offset < movements.length && items.length < page.first) {
      const row = movements[offset]!;
      // A bad row is reported by the page that passes over it, and takes no place in it.
      if (row instanceof UpstreamError) rowErrors.push(row);
      else items.push({ node: row, resumeToken: movementToken(window, offset + 1) });
      offset++;
    }
    if (offset < movements.length) return done(true);
    window++;
    offset = 0;
    // Page full and this window done: the look-ahead below decides hasNextPage.
    if (items.length >= page.first) break;
  }
  for (; window < windows.length; window++) {
    if ((await loadWindow(windows[window]!)).length > 0) return done(true);
  }
  return done(false);
}
