/**
 * What the schema reveals to callers. Threat: schema discovery by an attacker, via introspection or
 * via "Did you mean …?" suggestions in validation errors. Both are off when NODE_ENV=production
 * unless the config turns them on (`introspection`, `fieldSuggestions`); on elsewhere (GraphiQL).
 */
export interface SchemaExposure {
  introspection: boolean;
  /** False: Apollo's hideSchemaDetailsFromClientErrors strips suggestions from errors. */
  fieldSuggestions: boolean;
}

export function schemaExposure(
  config: { introspection?: boolean | undefined; fieldSuggestions?: boolean | undefined },
  nodeEnv: string | undefined = process.env.NODE_ENV,
): SchemaExposure {
  const production = nodeEnv === 'production';
  return {
    introspection: config.introspection ?? !production,
    fieldSuggestions: config.fieldSuggestions ?? !production,
  };
}
