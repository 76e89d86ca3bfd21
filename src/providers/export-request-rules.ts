/**
 * Each provider's rules for an export request, run by the schema layer before any upstream call so
 * that a bad input refuses the whole operation (no earlier mutation of it has run). The provider
 * folders keep the rules; this map only names them, without loading any connector.
 */
import type { ProviderName } from '../domain/model';
import { pleoExportProblem } from './pleo/export-job-input';
import type { CreateExportJobRequest, RequestProblem } from './types';

export const EXPORT_REQUEST_RULES: Partial<
  Record<ProviderName, (request: CreateExportJobRequest) => RequestProblem | null>
> = { PLEO: pleoExportProblem };
