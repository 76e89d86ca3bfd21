/**
 * The Inqom simulator. One server answers Inqom's hosts: the identity server
 * (`/identity/connect/token`), the API (documents, expense bills and the companion routes) and, unless
 * `storageUrl` names another origin, the public blob container of document thumbnails.
 */
import { startSimulatorServer, type SimulatorServer } from '../http-kit';
import type { SimulatorOptions } from '../types';
import { InqomAccess } from './access';
import { InqomDocumentStore } from './documents';
import { registerDocumentRoutes } from './documents.routes';
import { registerExpenseBillRoutes } from './expense-bills.routes';
import { registerLedgerRoutes } from './ledger.routes';
import { registerMultipartParser } from './multipart';
import { PublicUrls } from './public-urls';
import { registerThumbnailRoutes } from './thumbnails';
import { TokenIssuer, registerTokenRoute } from './tokens';

export interface InqomSimulatorOptions extends SimulatorOptions {
  /** Lifetime of access tokens in seconds, Inqom's `expires_in` (default 3600, or INQOM_SIM_TOKEN_TTL_SECONDS). */
  tokenTtlSeconds?: number;
  /** Lifetime of the temporary document URLs in seconds (default 300: "a few minutes"). */
  publicUrlTtlSeconds?: number;
  /** Origin `ThumbUrl`s point at, standing for Inqom's blob storage host (default: this simulator's own). */
  storageUrl?: string;
}

export interface InqomSimulator extends SimulatorServer {
  /** The documents served, uploads included (tests inspect what was uploaded). */
  readonly documents: InqomDocumentStore;
}

export async function createInqomSimulator(options: InqomSimulatorOptions): Promise<InqomSimulator> {
  const now = options.now ?? Date.now;
  const tokenTtl = options.tokenTtlSeconds ?? Number(process.env.INQOM_SIM_TOKEN_TTL_SECONDS ?? 3600);
  const issuer = new TokenIssuer(now, tokenTtl);
  let ownUrl = '';
  const documents = new InqomDocumentStore(now, () => options.storageUrl ?? ownUrl);
  const urls = new PublicUrls(now, options.publicUrlTtlSeconds ?? 300);
  const access = new InqomAccess(issuer, options.dataset, now, options.enforceRateLimits ?? true);

  const server = await startSimulatorServer('inqom', options, async (app) => {
    registerTokenRoute(app, issuer);
    urls.register(app);
    registerThumbnailRoutes(app, options.dataset, documents);
    await app.register(async (api) => {
      api.addHook('onRequest', access.authenticate);
      registerMultipartParser(api);
      registerDocumentRoutes(api, access, documents, urls);
      registerExpenseBillRoutes(api, access, documents);
      registerLedgerRoutes(api, access, options.dataset);
    });
  });
  ownUrl = server.url;
  return Object.assign(server, { documents });
}
