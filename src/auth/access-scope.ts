/** What an access token may run: READ = queries, EXPORT = export mutations, UPLOAD = upload mutations. */
export const ACCESS_SCOPES = ['READ', 'EXPORT', 'UPLOAD'] as const;
export type AccessScope = (typeof ACCESS_SCOPES)[number];

/** Who is calling: the tenant's API key (everything), or an access token minted with it (its scopes). */
export type Caller =
  | {
      kind: 'API_KEY';
      /** SHA-256 (hex) of the key, which tokens it mints are bound to. */ apiKeySha256?: string;
    }
  | { kind: 'ACCESS_TOKEN'; scopes: readonly AccessScope[]; /** Epoch ms. */ expiresAt: number };

/** The name of the field extension declaring the scope a mutation needs (see use-access-scopes.ts). */
export const ACCESS_SCOPE_EXTENSION = 'accessScope';
