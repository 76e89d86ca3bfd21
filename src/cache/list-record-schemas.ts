/**
 * zod shapes of the cached lists: a value read back from the shared store is checked, not cast. A field
 * added to CompanyRecord or ExerciseRecord fails to compile in cached-session.ts until it is added here.
 */
import { z } from 'zod';
import { PROVIDERS, type ProviderName } from '../domain/model';

const provider = z.enum(PROVIDERS as [ProviderName, ...ProviderName[]]);

export const companiesSchema = z.array(
  z.object({ provider, providerId: z.string(), name: z.string(), siren: z.string().nullable() }),
);

export const exercisesSchema = z.array(
  z.object({
    provider,
    companyId: z.string(),
    providerId: z.string(),
    label: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    closed: z.boolean(),
  }),
);
