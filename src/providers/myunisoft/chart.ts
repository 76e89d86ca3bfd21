/**
 * MAD's chart routes: `/mad/accounts`, `/mad/journals`, and `/mad/balance` (MyUnisoft's own trial
 * balance, which wants an exercise, a window inside it and account classes, all required).
 */
import { z } from 'zod';
import type { AccountRecord, ExerciseRecord, JournalRecord } from '../../domain/model';
import { rowName, upstreamCents } from '../upstream-amount';
import type { BalancePeriod, ProviderBalance } from '../types';
import { MAD_VERSION, type MyUnisoftClient } from './client';

const accountsSchema = z.array(z.object({ number: z.string(), name: z.string().nullable() }));
const journalsSchema = z.array(
  z.object({ customerReferenceCode: z.string(), name: z.string(), type: z.string().nullable() }),
);
const balanceSchema = z.array(z.object({ number: z.string(), balance: z.number() }));

/** Every class of the chart: `/mad/balance` requires at least one. */
const ALL_CLASSES = ['1', '2', '3', '4', '5', '6', '7', '8'];
const BALANCE_ROUTE = 'GET /api/v1/mad/balance';

const madCall = (
  route: string,
  companyId: string,
  query: Record<string, string | string[]> = {},
  signal?: AbortSignal,
) => ({
  route: `GET ${route}`,
  path: route,
  query: { version: MAD_VERSION, ...query },
  societyId: companyId,
  ...(signal ? { signal } : {}),
});

export async function fetchAccounts(
  client: MyUnisoftClient,
  companyId: string,
  signal?: AbortSignal,
): Promise<AccountRecord[]> {
  const accounts = await client.json(madCall('/api/v1/mad/accounts', companyId, {}, signal), accountsSchema);
  return accounts.map((a) => ({ number: a.number, name: a.name }));
}

export async function fetchJournals(
  client: MyUnisoftClient,
  companyId: string,
  signal?: AbortSignal,
): Promise<JournalRecord[]> {
  const journals = await client.json(madCall('/api/v1/mad/journals', companyId, {}, signal), journalsSchema);
  return journals.map((j) => ({ code: j.customerReferenceCode, label: j.name, type: j.type }));
}

/** One call per exercise the period overlaps (one for an exercise or a window inside one). */
export async function fetchBalance(
  client: MyUnisoftClient,
  companyId: string,
  exercises: ExerciseRecord[],
  period: BalancePeriod,
  signal?: AbortSignal,
): Promise<ProviderBalance> {
  const overlapping = exercises.filter((e) =>
    period.exerciseId !== null
      ? e.providerId === period.exerciseId
      : e.startDate <= period.to && e.endDate >= period.from,
  );
  const classAccount = period.accountClasses.length > 0 ? period.accountClasses : ALL_CLASSES;
  const lines: ProviderBalance['lines'] = [];
  for (const exercise of overlapping) {
    const query = {
      idExercice: exercise.providerId,
      startDate: period.from > exercise.startDate ? period.from : exercise.startDate,
      endDate: period.to < exercise.endDate ? period.to : exercise.endDate,
      classAccount,
    };
    const rows = await client.json(madCall('/api/v1/mad/balance', companyId, query, signal), balanceSchema);
    for (const row of rows)
      lines.push({
        accountNumber: row.number,
        balance: upstreamCents('MYUNISOFT', row.balance, rowName('balance of account', row.number)),
      });
  }
  return { source: `MYUNISOFT ${BALANCE_ROUTE}`, lines };
}
