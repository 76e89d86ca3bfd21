/**
 * One declaration per list field (`Company.entries`, `Exercise.movements`, …): the capability it
 * needs, how its arguments are validated, which provider call answers it, and whether it may be read
 * ahead. The resolver (`field.resolve`), the pre-execution argument check
 * (src/server/limits/use-argument-checks.ts) and the read-ahead (src/schema/node/read-ahead.ts) all
 * come from it, so a field declared here cannot be missed by one of them; the schema build fails for
 * a list field of a declared parent type without a spec (assertListFieldsDeclared).
 */
import type { RequestContext } from '../../context';
import type { Capability, CompanyRecord } from '../../domain/model';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { pathToArray } from 'graphql/jsutils/Path';
import { UnsupportedByProviderError, type UpstreamError } from '../../errors';

export type CompanyRef = Pick<CompanyRecord, 'provider' | 'providerId'>;
/** Field arguments as GraphQL coerced them. */
export type FieldArgs = Record<string, unknown>;

export interface ListFieldSpec<Parent, Valid, Result> {
  /** The GraphQL type the field is on, e.g. `Company`. */
  parentType: string;
  field: string;
  /** What the company's provider must offer; checked before the arguments (UNSUPPORTED_BY_PROVIDER). */
  capability: Capability;
  /** The company whose provider answers, and an id of the parent within that company, when it is not the company. */
  companyOf(parent: Parent): CompanyRef;
  parentIdOf?(parent: Parent): string;
  /** Checks the arguments (zod inside): BAD_USER_INPUT naming the argument at fault. */
  validate(args: FieldArgs): Valid;
  /** Asks the provider; runs once per request for the same parent and valid arguments. */
  fetch(ctx: RequestContext, parent: Parent, valid: Valid): Promise<Result>;
  /**
   * `Company` fields only: start the call beside `company(id)` / `node(id)`'s own lookup when the
   * field is selected under it (it needs nothing but the company id). Default false.
   */
  readAhead?: boolean;
}

/** A declared field: its spec, and the resolver body every field of that name uses. */
export interface ListField<Parent, Result> {
  readonly spec: AnyListFieldSpec;
  /** `path`: the field's response path, which the malformed rows the page left out are reported at. */
  resolve(
    ctx: RequestContext,
    parent: Parent,
    args: FieldArgs,
    path?: GraphQLResolveInfo['path'],
  ): Promise<Result>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds specs of every shape
export type AnyListFieldSpec = ListFieldSpec<any, any, unknown>;

const specs = new Map<string, AnyListFieldSpec>();
const keyOf = (parentType: string, field: string) => `${parentType}.${field}`;

/** Registers the spec (once per `<parent type>.<field>`) and returns its resolver body. */
export function defineListField<Parent, Valid, Result>(
  spec: ListFieldSpec<Parent, Valid, Result>,
): ListField<Parent, Result> {
  const key = keyOf(spec.parentType, spec.field);
  if (specs.has(key)) throw new Error(`${key} is declared twice`);
  specs.set(key, spec as AnyListFieldSpec);
  return {
    spec: spec as AnyListFieldSpec,
    resolve: async (ctx, parent, args, path) => {
      const result = await resolveListField(spec, ctx, parent, args);
      reportRowErrors(ctx, result, path);
      return result;
    },
  };
}

/** A `Company` field: the parent is the company itself. */
export function defineCompanyListField<Valid, Result>(
  spec: Omit<ListFieldSpec<CompanyRef, Valid, Result>, 'parentType' | 'companyOf' | 'parentIdOf'>,
): ListField<CompanyRef, Result> {
  return defineListField({ ...spec, parentType: 'Company', companyOf: (company: CompanyRef) => company });
}

export function listFieldSpec(parentType: string, field: string): AnyListFieldSpec | undefined {
  return specs.get(keyOf(parentType, field));
}

export function listFieldSpecs(parentType: string): AnyListFieldSpec[] {
  return [...specs.values()].filter((spec) => spec.parentType === parentType);
}

/** UNSUPPORTED_BY_PROVIDER when the provider lacks the field's capability (it comes before the arguments). */
export function assertCapability(ctx: RequestContext, spec: AnyListFieldSpec, company: CompanyRef): void {
  const session = ctx.companySession(company.provider, company.providerId);
  if (!session.capabilities.includes(spec.capability))
    throw new UnsupportedByProviderError(session.provider, spec.capability);
}

/** Capability, then arguments, then the provider call, shared by every asker in the request. */
export function resolveListField<Parent, Valid, Result>(
  spec: ListFieldSpec<Parent, Valid, Result>,
  ctx: RequestContext,
  parent: Parent,
  args: FieldArgs,
): Promise<Result> {
  const company = spec.companyOf(parent);
  assertCapability(ctx, spec as AnyListFieldSpec, company);
  const valid = spec.validate(args);
  // The company is always in the key: a parent id (an exercise's) is unique within its company only.
  const parentId = spec.parentIdOf?.(parent) ?? null;
  const key = JSON.stringify([
    spec.parentType,
    spec.field,
    company.provider,
    company.providerId,
    parentId,
    valid,
  ]);
  return ctx.once(key, () => spec.fetch(ctx, parent, valid));
}

/** Results whose malformed rows were reported: a page shared by several fields reports them once. */
const reported = new WeakSet<object>();

/** UPSTREAM_BAD_DATA for each row the page left out, at the first asking field's path, beside the data. */
function reportRowErrors(ctx: RequestContext, result: unknown, path?: GraphQLResolveInfo['path']): void {
  if (typeof result !== 'object' || result === null || reported.has(result)) return;
  const { rowErrors } = result as { rowErrors?: readonly UpstreamError[] };
  if (!rowErrors?.length) return;
  reported.add(result);
  for (const error of rowErrors)
    ctx.deferredErrors.push(
      new GraphQLError(error.message, {
        ...(path ? { path: pathToArray(path) } : {}),
        extensions: error.extensions,
        originalError: error,
      }),
    );
}
