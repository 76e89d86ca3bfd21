/** Introspection and field suggestions: off in production unless the config turns them on. */
import { schemaExposure } from '../../../../src/server/limits/schema-exposure';

describe('schemaExposure', () => {
  it('is on outside production and off in production by default', () => {
    expect(schemaExposure({}, 'development')).toEqual({ introspection: true, fieldSuggestions: true });
    expect(schemaExposure({}, undefined)).toEqual({ introspection: true, fieldSuggestions: true });
    expect(schemaExposure({}, 'production')).toEqual({ introspection: false, fieldSuggestions: false });
  });

  it('follows the config when it says so', () => {
    expect(schemaExposure({ introspection: true, fieldSuggestions: true }, 'production')).toEqual({
      introspection: true,
      fieldSuggestions: true,
    });
    expect(schemaExposure({ introspection: false }, 'development')).toEqual({
      introspection: false,
      fieldSuggestions: true,
    });
  });
});
