/**
 * Entries and movements from Inqom's entry lines. Both list a date window (the filter's, else the
 * exercise's, else every accounting period) and resume at an absolute line position. Entries group
 * consecutive lines by `EntryId` (Inqom orders lines by date then entry), so an entry's resume token
 * is the position of the next entry's first line and an entry split across two pages stays whole.
 */
import type { EntryRecord, MovementRecord } from '../../domain/model';
import { NotFoundError, UnsupportedByProviderError } from '../../errors';
import type { EntryFilter, MovementFilter, Page, PageRequest } from '../types';
import { datedId, parseDatedId, parseResumeToken } from './ids';
import type { InqomLoaders, LinesWindow } from './loaders';
import { mapEntry, mapMovement } from './map';
import { readFrom } from './paged-reader';
import { ENTRY_LINES_PAGE_SIZE } from './paths';
import type { InqomEntryLine } from './schemas';

export class InqomLedgerReader {
  /** Entries a listing page read whole, by `folder|datedId`: `Movement.entry` then reads no day again. */
  private readonly wholeEntries = new Map<string, InqomEntryLine[]>();

  constructor(private readonly loaders: InqomLoaders) {}

  async listMovements(
    folderId: string,
    filter: MovementFilter,
    page: PageRequest,
  ): Promise<Page<MovementRecord>> {
    if (filter.source != null) throw new UnsupportedByProviderError('INQOM', 'movement filter source');
    if (filter.draft != null) throw new UnsupportedByProviderError('INQOM', 'movement filter draft');
    if (filter.dateFilter === 'MYUNISOFT')
      throw new UnsupportedByProviderError('INQOM', 'movement dateFilter MYUNISOFT');
    const window = await this.window(folderId, filter);
    const classes = filter.accountClasses ?? [];
    const matches = (line: InqomEntryLine) =>
      (classes.length === 0 || classes.some((c) => line.AccountNumber.startsWith(c))) &&
      (!filter.lettering || filter.lettering === (line.LetterId == null ? 'NONE' : 'COMPLETE'));
    // Inqom has no partial lettering: a PARTIAL filter truthfully matches no line.
    const filtered = classes.length > 0 || filter.lettering != null;
    const { TotalLinesCount: total } = await this.loaders.entryLinesCount.load(window);
    const items: Page<MovementRecord>['items'] = [];
    let hasNextPage = false;
    for await (const { item, position } of readFrom(
      parseResumeToken(page.after),
      ENTRY_LINES_PAGE_SIZE,
      (p) => this.linesPage(window, p),
    )) {
      if (!matches(item)) continue;
      if (items.length === page.first) {
        hasNextPage = true;
        break;
      }
      items.push({ node: mapMovement(folderId, item), resumeToken: String(position + 1) });
      // Unfiltered, the count tells whether more follow without reading ahead.
      if (!filtered && items.length === page.first) {
        hasNextPage = position + 1 < total;
        break;
      }
    }
    return { items, hasNextPage, totalCount: filtered ? null : total };
  }

  async listEntries(folderId: string, filter: EntryFilter, page: PageRequest): Promise<Page<EntryRecord>> {
    const window = await this.window(folderId, filter);
    // Every Inqom entry is a regular entry: other types match none, truthfully.
    const matches = (line: InqomEntryLine) =>
      (!filter.type || filter.type === 'ENTRY') &&
      (!filter.journalCode || line.JournalCode === filter.journalCode);
    const items: Page<EntryRecord>['items'] = [];
    let hasNextPage = false;
    let currentId: number | null = null;
    /** Lines of the entry being read; null when it does not match the filter. */
    let currentLines: InqomEntryLine[] | null = null;
    let next = parseResumeToken(page.after);
    const lines = readFrom(next, ENTRY_LINES_PAGE_SIZE, (p) => this.linesPage(window, p));
    for await (const { item, position } of lines) {
      if (item.EntryId !== currentId) {
        if (currentLines)
          items.push({ node: mapEntry(folderId, currentLines), resumeToken: String(position) });
        currentLines = null;
        if (matches(item) && items.length === page.first) {
          hasNextPage = true;
          break;
        }
        currentId = item.EntryId;
        currentLines = matches(item) ? [] : null;
      }
      currentLines?.push(item);
      next = position + 1;
    }
    if (currentLines) items.push({ node: mapEntry(folderId, currentLines), resumeToken: String(next) });
    return { items, hasNextPage, totalCount: null };
  }

  /**
   * Every line of the filter's window as movements, page by page, for whole-period reads (trial
   * balance, FEC): each page is dropped from the request's loader once read, so memory stays at one page.
   */
  async *streamMovements(
    folderId: string,
    filter: MovementFilter,
    signal?: AbortSignal,
  ): AsyncGenerator<MovementRecord[]> {
    const window = await this.window(folderId, filter);
    for (let pageNumber = 1; ; pageNumber++) {
      signal?.throwIfAborted();
      const key = { ...window, pageNumber };
      const lines = await this.loaders.entryLinesPage.load(key);
      this.loaders.entryLinesPage.clear(key);
      yield lines.map((line) => mapMovement(folderId, line));
      if (lines.length < ENTRY_LINES_PAGE_SIZE) return;
    }
  }

  async getEntry(folderId: string, entryId: string): Promise<EntryRecord | null> {
    const id = parseDatedId(entryId);
    if (!id) return null;
    const read = this.wholeEntries.get(`${folderId}|${datedId(id.nativeId, id.date)}`);
    if (read) return mapEntry(folderId, read);
    const lines = (await this.day(folderId, id.date)).filter((l) => l.EntryId === id.nativeId);
    return lines.length ? mapEntry(folderId, lines) : null;
  }

  async getMovement(folderId: string, movementId: string): Promise<MovementRecord | null> {
    const id = parseDatedId(movementId);
    if (!id) return null;
    const line = (await this.day(folderId, id.date)).find((l) => l.Id === id.nativeId);
    return line ? mapMovement(folderId, line) : null;
  }

  private async linesPage(window: LinesWindow, pageNumber: number) {
    const items = await this.loaders.entryLinesPage.load({ ...window, pageNumber });
    const last = items.length < ENTRY_LINES_PAGE_SIZE;
    this.keepWholeEntries(window.folderId, items, pageNumber === 1, last);
    return { items, last };
  }

  /**
   * Keeps the page's entries known whole (lines come by date then entry): all but one that may have
   * begun on the page before (unless it is the first) or go on to the next (unless it is the last).
   */
  private keepWholeEntries(folderId: string, items: InqomEntryLine[], first: boolean, last: boolean) {
    const groups: InqomEntryLine[][] = [];
    for (const line of items) {
      const group = groups[groups.length - 1];
      if (group?.[0]?.EntryId === line.EntryId && group[0].Date === line.Date) group.push(line);
      else groups.push([line]);
    }
    groups.forEach((group, index) => {
      if ((index === 0 && !first) || (index === groups.length - 1 && !last)) return;
      const head = group[0]!;
      this.wholeEntries.set(`${folderId}|${datedId(head.EntryId, head.Date)}`, group);
    });
  }

  private async day(folderId: string, date: string): Promise<InqomEntryLine[]> {
    const lines: InqomEntryLine[] = [];
    for await (const { item } of readFrom(0, ENTRY_LINES_PAGE_SIZE, (p) =>
      this.linesPage({ folderId, from: date, to: date }, p),
    ))
      lines.push(item);
    return lines;
  }

  /** Inqom needs both dates: the filter's, else the exercise's, else the span of every period. */
  private async window(
    folderId: string,
    filter: { exerciseId?: string; from?: string; to?: string },
  ): Promise<LinesWindow> {
    // A full window needs no periods: asking for them would cost an upstream call for nothing.
    if (filter.exerciseId === undefined && filter.from !== undefined && filter.to !== undefined)
      return { folderId, from: filter.from, to: filter.to };
    const periods = await this.loaders.periods.load(folderId);
    if (filter.exerciseId !== undefined) {
      const period = periods.find((p) => String(p.Id) === filter.exerciseId);
      if (!period) throw new NotFoundError('Exercise', 'filter.exerciseId');
      return { folderId, from: filter.from ?? period.StartDate, to: filter.to ?? period.EndDate };
    }
    const starts = periods.map((p) => p.StartDate).sort();
    const ends = periods.map((p) => p.EndDate).sort();
    const from = filter.from ?? starts[0];
    const to = filter.to ?? ends[ends.length - 1];
    if (!from || !to) throw new NotFoundError('Exercise', 'filter.from');
    return { folderId, from, to };
  }
}
