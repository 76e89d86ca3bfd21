/** Jepilote JSON → the unified model. */
import {
  NO_JOB_LIFECYCLE_DETAILS,
  type CompanyRecord,
  type ExportFormat,
  type ExportJobRecord,
} from '../../domain/model';
import { mentionedParameters } from '../upstream-text';
import type { JepiloteCompany, JepiloteExportResponse } from './schemas';

/** The export request's parameters: what a refusal may be reported as being about. */
export const EXPORT_PARAMETERS = [
  'companyId',
  'format',
  'alreadyExported',
  'flagAsExported',
  'emailAddress',
  'dateDebut',
  'dateFin',
] as const;

/** SIREN = the first 9 digits of a SIRET, or the last 9 digits of a French VAT number. */
export function sirenOf(company: Pick<JepiloteCompany, 'siret' | 'vat'>): string | null {
  const siret = company.siret?.replace(/\s/g, '') ?? '';
  if (/^\d{14}$/.test(siret)) return siret.slice(0, 9);
  const vat = company.vat?.replace(/\s/g, '') ?? '';
  const match = /^FR[0-9A-Z]{2}(\d{9})$/.exec(vat);
  return match ? match[1]! : null;
}

export const mapCompany = (company: JepiloteCompany): CompanyRecord => ({
  provider: 'JEPILOTE',
  providerId: String(company.companyId),
  name: company.companyName,
  siren: sirenOf(company),
});

/** The hash at the end of `api_url` (`…/get_export/<hash>`) identifies the file. */
export const hashOf = (apiUrl: string): string | null => /\/get_export\/([^/?#]+)$/.exec(apiUrl)?.[1] ?? null;

export function mapExport(
  companyId: string,
  format: ExportFormat,
  answer: JepiloteExportResponse,
  jobId: string,
  at: string,
): ExportJobRecord {
  const hash = answer.file ? hashOf(answer.file.api_url) : null;
  const ok = answer.success && answer.file !== null && answer.file !== undefined && hash !== null;
  return {
    provider: 'JEPILOTE',
    companyId,
    providerId: jobId,
    format,
    // Jepilote exports synchronously: the file exists when the call returns.
    status: ok ? 'COMPLETED' : 'FAILED',
    createdAt: at,
    startedAt: at,
    completedAt: at,
    numberOfItems: null,
    // Jepilote's own words (message, error[]) may echo the request, bearer token included: never passed on.
    failureReason: ok ? null : failureOf(answer),
    failureReasonType: null,
    ...NO_JOB_LIFECYCLE_DETAILS,
    file: ok && answer.file ? { name: answer.file.name, url: answer.file.url, downloadRef: hash } : null,
    errors: ok ? [] : refusedParameters(answer).map((name) => `Jepilote refused the parameter ${name}.`),
  };
}

const refusedParameters = (answer: JepiloteExportResponse): string[] =>
  mentionedParameters([answer.message ?? '', ...(answer.error ?? [])], EXPORT_PARAMETERS);

function failureOf(answer: JepiloteExportResponse): string {
  if (answer.success) return 'Jepilote answered without a downloadable file.';
  const fields = refusedParameters(answer);
  return `Jepilote refused the export${fields.length ? ` (parameters: ${fields.join(', ')})` : ''}.`;
}
