/**
 * Inqom's companion chart routes (integrators' clients, not Inqom's docs): a folder's accounts,
 * journals and its own trial balance (`/balances`, Debit/Credit/Balance per account over a window).
 */
import { z } from 'zod';
import type { AccountRecord, JournalRecord } from '../../domain/model';
import { rowName, upstreamCents } from '../upstream-amount';
import type { BalancePeriod, ProviderBalance } from '../types';
import type { InqomClient } from './client';
import { inFolder } from './loaders';
import { inqomPaths, inqomRoutes } from './paths';

const accountsSchema = z.array(z.object({ Number: z.string(), Label: z.string().nullish() }));
const journalsSchema = z.array(z.object({ Code: z.string(), Label: z.string(), Type: z.string().nullish() }));
const balancesSchema = z.array(z.object({ AccountNumber: z.string(), Balance: z.number() }));

const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

export async function fetchAccounts(
  client: InqomClient,
  folderId: string,
  signal?: AbortSignal,
): Promise<AccountRecord[]> {
  const call = { path: inqomPaths.accounts(folderId), route: inqomRoutes.accounts, ...opt(signal) };
  return (await inFolder(client.get(call, accountsSchema))).map((a) => ({
    number: a.Number,
    name: a.Label ?? null,
  }));
}

export async function fetchJournals(
  client: InqomClient,
  folderId: string,
  signal?: AbortSignal,
): Promise<JournalRecord[]> {
  const call = { path: inqomPaths.journals(folderId), route: inqomRoutes.journals, ...opt(signal) };
  return (await inFolder(client.get(call, journalsSchema))).map((j) => ({
    code: j.Code,
    label: j.Label,
    type: j.Type ?? null,
  }));
}

/** One call for the period's dates; account classes are applied here (the route has no such filter). */
export async function fetchBalance(
  client: InqomClient,
  folderId: string,
  period: BalancePeriod,
  signal?: AbortSignal,
): Promise<ProviderBalance> {
  const call = {
    path: inqomPaths.balances(folderId),
    route: inqomRoutes.balances,
    query: { startDate: period.from, endDate: period.to },
    ...opt(signal),
  };
  const rows = await inFolder(client.get(call, balancesSchema));
  const lines = rows
    .filter(
      (row) =>
        period.accountClasses.length === 0 ||
        period.accountClasses.some((c) => row.AccountNumber.startsWith(c)),
    )
    .map((row) => ({
      accountNumber: row.AccountNumber,
      balance: upstreamCents('INQOM', row.Balance, rowName('balance of account', row.AccountNumber)),
    }));
  return { source: `INQOM ${inqomRoutes.balances}`, lines };
}
