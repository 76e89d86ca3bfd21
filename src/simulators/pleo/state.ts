/** What the Pleo simulator's routes share: the dataset, the clock, the entry index and the jobs. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DemoOwner } from '../credentials';
import type { GenCompany, SimulatorDataset } from '../data/dataset';
import type { SimulatorOptions } from '../types';
import { ownerFromAuthorization } from './auth';
import { PleoEntryIndex } from './entry-index';
import { JobStore } from './jobs';
import { sendError } from './replies';
import type { EntryJsonContext } from './accounting-entry';

export interface PleoState {
  dataset: SimulatorDataset;
  now: () => number;
  entries: PleoEntryIndex;
  jobs: JobStore;
  /** Each export-job event applied, in order, as tests count writes (`GET /__admin/export-job-events`). */
  appliedEvents: { jobId: string; event: string }[];
}

export function createPleoState(options: SimulatorOptions): PleoState {
  return {
    dataset: options.dataset,
    now: options.now ?? Date.now,
    entries: new PleoEntryIndex(options.dataset),
    jobs: new JobStore(options.dataset.seed),
    appliedEvents: [],
  };
}

/** The account behind a request; the auth hook has already refused requests without one. */
export function ownerOf(request: FastifyRequest): DemoOwner {
  const owner = ownerFromAuthorization(request.headers.authorization);
  if (!owner) throw new Error('unauthenticated request reached a handler');
  return owner;
}

/**
 * The company a request names, or a 403 already sent. A company of another account and an unknown
 * company id get the same 403: the credentials are not entitled to it, and existence is not leaked.
 */
export function companyOrForbid(
  state: PleoState,
  request: FastifyRequest,
  reply: FastifyReply,
  companyId: string,
): GenCompany | null {
  const company = state.dataset.company('pleo', companyId.toLowerCase());
  if (company && company.owner === ownerOf(request)) return company;
  sendError(reply, 403, 'FORBIDDEN', 'These credentials do not give access to this company.');
  return null;
}

export function jsonContext(state: PleoState, request: FastifyRequest): EntryJsonContext {
  return {
    seed: state.dataset.seed,
    baseUrl: `http://${request.headers.host ?? '127.0.0.1'}`,
    now: state.now(),
  };
}
