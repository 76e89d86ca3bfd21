/**
 * Fails the schema build, loudly, when a list field of a type that has declared fields has no spec,
 * or a spec names a field the schema lacks: the argument check and the read-ahead would silently skip it.
 */
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { listFieldSpecs } from './list-field';

/** Connections and lists of objects (not of scalars or enums, like `capabilities`): what a spec declares. */
const isListField = (type: GraphQLOutputType) =>
  isObjectType(getNamedType(type)) &&
  (isListType(getNullableType(type)) || getNamedType(type).name.endsWith('Connection'));

export function assertListFieldsDeclared(schema: GraphQLSchema, parentTypes: readonly string[]): void {
  const problems: string[] = [];
  for (const parentType of parentTypes) {
    const type = schema.getType(parentType);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    const declared = new Set(listFieldSpecs(parentType).map((spec) => spec.field));
    for (const field of Object.values(fields))
      if (isListField(field.type) && !declared.has(field.name))
        problems.push(`${parentType}.${field.name} is a list field without a spec (defineListField)`);
    for (const name of declared)
      if (!fields[name]) problems.push(`${parentType}.${name} has a spec but is not in the schema`);
  }
  if (problems.length > 0) throw new Error(`field specs: ${problems.join('; ')}`);
}
