/**
 * FEC from every provider that keeps books: a FEC bulk export of each demo MyUnisoft, Inqom and Pleo
 * company's first exercise (Pleo: a calendar year) completes with a valid conformance report, is
 * named after the exercise's closing date, and passes the tests' own strict FEC reading
 * (test/support/strict-fec.ts, written apart from the product's validator). The relayed Jepilote
 * FEC carries a report too. Bad input is refused before any upstream call.
 */
import { encodeGlobalId } from '../../../src/domain/ids';
import type { SimProvider } from '../../../src/simulators/data/dataset';
import {
  CreateExportJobDocument,
  ExportFileConformanceDocument,
  FecBulkExportDocument,
} from '@grand-livre/sdk';
import { dataOf, errorCodes, runOperation } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import { strictFecProblems } from '../../support/strict-fec';
import { download, finished, startBulkExport } from '../bulk/bulk-support';
import { PROVIDER_OF, demoCompany } from '../operations/fixtures';

let stack: Stack;
const compact = (iso: string) => iso.replaceAll('-', '');
beforeAll(async () => {
  stack = await startStack({ configure: (config) => ({ ...config, logLevel: 'silent' }) });
});
afterAll(() => stack.close());

describe.each(['myunisoft', 'inqom', 'pleo'] as SimProvider[])(
  'FEC bulk export of %s companies',
  (provider) => {
    it('completes with a valid conformance report, holds validated entries only and passes the strict FEC check', async () => {
      let draftsSeen = 0;
      for (const gen of stack.sims.dataset.companiesOf(provider, 'demo')) {
        const p = PROVIDER_OF[provider];
        const exercise = gen.exercises[0]!;
        const companyId = encodeGlobalId({
          type: 'Company',
          provider: p,
          companyId: gen.id,
          nativeId: gen.id,
        });
        const period =
          provider === 'pleo'
            ? { from: exercise.startDate, to: exercise.endDate }
            : {
                exerciseId: encodeGlobalId({
                  type: 'Exercise',
                  provider: p,
                  companyId: gen.id,
                  nativeId: exercise.id,
                }),
              };
        const started = await startBulkExport(stack, {
          companyId,
          kind: 'ENTRIES',
          format: 'FEC',
          ...period,
        });
        const state = await finished(stack, dataOf(started).startBulkExport.id);
        expect(state.status).toBe('COMPLETED');
        const fec = dataOf(await runOperation(stack, FecBulkExportDocument, { id: state.id })).bulkExport!;
        const fileName = `${gen.siren}FEC${exercise.endDate.replaceAll('-', '')}.txt`;
        expect(fec.fileName).toBe(fileName);
        expect(fec.conformance?.checks.filter((c) => !c.passed)).toEqual([]);
        expect(fec.conformance?.valid).toBe(true);
        expect(fec.debitTotal).toBe(fec.creditTotal);
        const file = await download(fec.downloadUrl!);
        expect(file.status).toBe(200);
        expect(String(file.headers['content-disposition'])).toContain(fileName);
        const problems = strictFecProblems(fileName, file.text, {
          siren: gen.siren,
          exerciseStart: exercise.startDate,
          exerciseEnd: exercise.endDate,
        });
        expect(problems).toEqual([]);
        // A FEC holds validated entries: MyUnisoft's drafts are left out, and counted (the other
        // providers give no drafts here).
        const entries = [...stack.sims.dataset.entries(gen, exercise)];
        const isDraft = (e: (typeof entries)[number]) => provider === 'myunisoft' && e.draft;
        const lineCount = (drafts: boolean) =>
          entries.filter((e) => isDraft(e) === drafts).reduce((n, e) => n + e.lines.length, 0);
        expect(file.text.split('\r\n').length - 2).toBe(lineCount(false));
        expect(fec.draftLinesLeftOut).toBe(lineCount(true));
        if (provider === 'myunisoft') draftsSeen += lineCount(true);
        // MyUnisoft books documents dated across the year end in this exercise: PieceDate keeps their date.
        const outside = file.text
          .split('\r\n')
          .slice(1, -1)
          .map((record) => record.split('\t')[9]!)
          .filter(
            (pieceDate) => pieceDate < compact(exercise.startDate) || pieceDate > compact(exercise.endDate),
          );
        expect(outside.length > 0).toBe(provider === 'myunisoft');
      }
      // The demo holds MyUnisoft drafts, so the rule above is exercised.
      expect(draftsSeen > 0).toBe(provider === 'myunisoft');
    });
  },
);

describe('FEC export refusals', () => {
  it('asks kind ENTRIES (BAD_USER_INPUT on input.kind) and answers UNSUPPORTED_BY_PROVIDER for Jepilote', async () => {
    const mu = demoCompany(stack.sims, 'myunisoft');
    const movements = await startBulkExport(stack, {
      companyId: mu.id,
      kind: 'MOVEMENTS',
      format: 'FEC',
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(errorCodes(movements)).toEqual([{ code: 'BAD_USER_INPUT', path: 'startBulkExport' }]);
    expect(movements.errors?.[0]?.extensions?.field).toBe('input.kind');
    const jp = demoCompany(stack.sims, 'jepilote');
    const jepilote = await startBulkExport(stack, {
      companyId: jp.id,
      kind: 'ENTRIES',
      format: 'FEC',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(errorCodes(jepilote)).toEqual([{ code: 'UNSUPPORTED_BY_PROVIDER', path: 'startBulkExport' }]);
  });
});

describe('the relayed Jepilote FEC', () => {
  it('carries a conformance report, named after the exercise closing date', async () => {
    const { gen, id } = demoCompany(stack.sims, 'jepilote');
    const input = { companyId: id, format: 'FEC' as const, includeAlreadyExported: true };
    const job = dataOf(await runOperation(stack, CreateExportJobDocument, { input })).createExportJob;
    const file = dataOf(await runOperation(stack, ExportFileConformanceDocument, { id: job.id })).exportJob!
      .file!;
    expect(file.name).toBe(`${gen.siren}FEC20261231.txt`);
    expect(file.conformance?.checks.map((c) => c.name)).toContain('fileName');
    expect(file.conformance?.checks.filter((c) => !c.passed)).toEqual([]);
    expect(file.conformance?.valid).toBe(true);
  });
});
