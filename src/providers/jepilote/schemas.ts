/** zod shapes of Jepilote API v2 JSON (API Platform / Symfony). Unknown keys are tolerated. */
import { z } from 'zod';

export const loginResponse = z.object({ token: z.string().min(1) });

export const jepiloteCompany = z.object({
  companyId: z.number().int(),
  companyName: z.string(),
  siret: z.string().nullish(),
  vat: z.string().nullish(),
});
export type JepiloteCompany = z.infer<typeof jepiloteCompany>;

export const companiesResponse = z.object({
  'hydra:member': z.array(jepiloteCompany),
  'hydra:totalItems': z.number().int().optional(),
  /** Present when the collection spans pages; `hydra:next` links the next one (`/companies?page=2`). */
  'hydra:view': z.object({ 'hydra:next': z.string().optional() }).optional(),
});

export const exportResponse = z.object({
  success: z.boolean(),
  message: z.string().nullish(),
  error: z.array(z.string()).nullish(),
  file: z.object({ name: z.string(), url: z.string(), api_url: z.string() }).nullish(),
});
export type JepiloteExportResponse = z.infer<typeof exportResponse>;
