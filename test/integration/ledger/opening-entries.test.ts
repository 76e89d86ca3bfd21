/**
 * Opening entries (à-nouveaux) counted as the providers count them, on simulators whose exercises after
 * the first open with an entry of journal AN (dataset option `openingEntries`): the trial balance of the
 * second exercise includes them and still reconciles with MyUnisoft's and Inqom's own balances; an
 * account's ledger brings them forward as its opening balance, equal to the previous exercise's closing
 * balance, and walks to the trial line; the FEC of that exercise starts with them and stays valid.
 */
import { encodeGlobalId } from '../../../src/domain/ids';
import type { SimProvider } from '../../../src/simulators/data/dataset';
import { AccountLedgerDocument, FecBulkExportDocument, TrialBalanceDocument } from '@grand-livre/sdk';
import { dataOf, runOperation } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import { strictFecProblems } from '../../support/strict-fec';
import { download, finished, startBulkExport } from '../bulk/bulk-support';
import { PROVIDER_OF, cents } from '../operations/fixtures';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    openingEntries: true,
    configure: (config) => ({ ...config, logLevel: 'silent' }),
  });
});
afterAll(() => stack.close());

describe.each(['myunisoft', 'inqom'] as SimProvider[])('%s opening entries', (provider) => {
  it('count in the trial balance, open the ledger and lead the FEC', async () => {
    const gen = stack.sims.dataset.companiesOf(provider, 'demo')[0]!;
    const p = PROVIDER_OF[provider];
    const companyId = encodeGlobalId({ type: 'Company', provider: p, companyId: gen.id, nativeId: gen.id });
    const exerciseFilter = (i: number) => ({
      exerciseId: encodeGlobalId({
        type: 'Exercise',
        provider: p,
        companyId: gen.id,
        nativeId: gen.exercises[i]!.id,
      }),
    });
    const balanceOf = async (i: number) =>
      dataOf(await runOperation(stack, TrialBalanceDocument, { companyId, filter: exerciseFilter(i) }))
        .company!.trialBalance;
    const [first, second] = [await balanceOf(0), await balanceOf(1)];
    expect(second.balanced).toBe(true);
    expect(second.reconciliation).toMatchObject({ matches: true, differences: [] });
    expect(second.lines.map((l) => l.account.number)).toContain('120000');

    const bank2024 = first.lines.find((l) => l.account.number === '512000')!;
    const bank2025 = second.lines.find((l) => l.account.number === '512000')!;
    const ledger = dataOf(
      await runOperation(stack, AccountLedgerDocument, {
        companyId,
        account: '512000',
        filter: exerciseFilter(1),
        first: 500,
      }),
    ).company!.ledger;
    expect(ledger.openingBalance).toBe(bank2024.balance);
    expect(ledger.closingBalance).toBe(bank2025.balance);
    expect(ledger.edges.every((e) => e.node.journal.code !== 'AN')).toBe(true);
    expect(cents(ledger.edges[0]!.node.runningBalance)).toBe(
      cents(ledger.openingBalance) + cents(ledger.edges[0]!.node.debit) - cents(ledger.edges[0]!.node.credit),
    );

    const started = await startBulkExport(stack, {
      companyId,
      kind: 'ENTRIES',
      format: 'FEC',
      ...exerciseFilter(1),
    });
    const state = await finished(stack, dataOf(started).startBulkExport.id);
    const fec = dataOf(await runOperation(stack, FecBulkExportDocument, { id: state.id })).bulkExport!;
    expect(fec.conformance?.valid).toBe(true);
    const file = await download(fec.downloadUrl!);
    expect(file.text.split('\r\n')[1]!.split('\t').slice(0, 4)).toEqual([
      'AN',
      'A NOUVEAUX',
      '1',
      '20250101',
    ]);
    const exercise = gen.exercises[1]!;
    expect(
      strictFecProblems(fec.fileName!, file.text, {
        siren: gen.siren,
        exerciseStart: exercise.startDate,
        exerciseEnd: exercise.endDate,
      }),
    ).toEqual([]);
  });
});
