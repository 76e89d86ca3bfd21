/**
 * Global ids of a bulk file's rows (two per movement, a million for a big exercise): domain/ids.ts's
 * globalIdOf, one encoder per node type kept while the provider and company stay the same — an
 * export's rows all share them.
 */
export { globalIdOf as bulkGlobalId } from '../domain/ids';
