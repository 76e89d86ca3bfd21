/** Inqom's token cache: the shared token cache keyed under `inqom`. */
import { SharedTokenCache, type TokenCacheOptions } from '../token-cache';

export type { FetchedToken } from '../token-cache';
export type InqomTokenCacheOptions = Omit<TokenCacheOptions, 'provider'>;

export class InqomTokenCache extends SharedTokenCache {
  constructor(options: InqomTokenCacheOptions) {
    super({ ...options, provider: 'inqom' });
  }
}
