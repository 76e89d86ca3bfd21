/** What the MyUnisoft routes share: the dataset, the auth rules, the clock, and who is calling. */
import type { FastifyRequest } from 'fastify';
import type { GenCompany, GenExercise, SimulatorDataset } from '../data/dataset';
import type { Caller, MyUnisoftAuth } from './auth';
import { MyUnisoftError } from './errors';

export interface MyUnisoftContext {
  dataset: SimulatorDataset;
  auth: MyUnisoftAuth;
  now: () => number;
  /** Turnover and result per exercise, computed once from the ledger (cents). */
  exerciseTotals(company: GenCompany, exercise: GenExercise): { result: number; ca: number };
}

const callers = new WeakMap<FastifyRequest, Caller>();

export const rememberCaller = (request: FastifyRequest, caller: Caller) => void callers.set(request, caller);

export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (!caller) throw new MyUnisoftError(401, 'ERR-INVALID-AUTH-HEADER', 'Not authenticated.');
  return caller;
}

/** The society a company-scoped route works on (society-id rules in auth.ts). */
export const societyOf = (ctx: MyUnisoftContext, request: FastifyRequest): GenCompany =>
  ctx.auth.society(request, callerOf(request));

/** Absolute base URL of this simulator as the caller reached it, for attachment and export links. */
export const baseUrlOf = (request: FastifyRequest): string =>
  `${request.protocol}://${request.headers.host ?? request.hostname}`;

export type QueryOf = Record<string, string | string[] | undefined>;
export const queryOf = (request: FastifyRequest): QueryOf => (request.query ?? {}) as QueryOf;
