/**
 * Helpers for bulk export tests: start an export through the typed operation, poll it to its end,
 * download its file with an API key, read CSV, and the reference totals from the generator.
 */
import { request } from 'undici';
import { GetBulkExportDocument, StartBulkExportDocument } from '@grand-livre/sdk';
import type { GetBulkExportQuery, StartBulkExportInput } from '@grand-livre/sdk';
import type { GenCompany, GenExercise, SimulatorDataset } from '../../../src/simulators/data/dataset';
import type { GenLine } from '../../../src/simulators/data/ledger';
import { dataOf, runOperation } from '../../support/operations';
import type { Stack } from '../../support/stack';

export type BulkExportState = NonNullable<GetBulkExportQuery['bulkExport']>;

export const startBulkExport = (stack: Stack, input: StartBulkExportInput, apiKey = 'demo') =>
  runOperation(stack, StartBulkExportDocument, { input }, apiKey);

export const getBulkExport = (stack: Stack, id: string, apiKey = 'demo') =>
  runOperation(stack, GetBulkExportDocument, { id }, apiKey);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until the export completes or fails (the test's own timeout bounds the wait). */
export async function finished(stack: Stack, id: string): Promise<BulkExportState> {
  for (;;) {
    const state = dataOf(await getBulkExport(stack, id)).bulkExport;
    if (!state) throw new Error('bulk export vanished');
    if (state.status === 'COMPLETED' || state.status === 'FAILED') return state;
    await pause(25);
  }
}

export async function startAndFinish(stack: Stack, input: StartBulkExportInput): Promise<BulkExportState> {
  const id = dataOf(await startBulkExport(stack, input)).startBulkExport.id;
  return finished(stack, id);
}

export async function download(url: string, apiKey: string | null = 'demo') {
  const response = await request(url, {
    headers: apiKey === null ? {} : { authorization: `Bearer ${apiKey}` },
  });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

/** RFC 4180 reader for the tests: quoted cells, doubled quotes, CRLF rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted) {
      if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** Decimal strings to cents, exactly. */
export const cents = (decimal: string) => Math.round(Number(decimal) * 100);

export function ledgerLines(
  dataset: SimulatorDataset,
  company: GenCompany,
  exercise: GenExercise,
  from = '0000-00-00',
  to = '9999-99-99',
) {
  const entries = [...dataset.entries(company, exercise)].filter((e) => e.date >= from && e.date <= to);
  const lines: GenLine[] = entries.flatMap((e) => e.lines);
  return {
    entries,
    lines,
    debit: lines.reduce((sum, l) => sum + l.debit, 0),
    credit: lines.reduce((sum, l) => sum + l.credit, 0),
  };
}
