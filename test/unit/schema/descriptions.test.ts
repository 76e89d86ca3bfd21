/**
 * GraphiQL's docs explorer is how people learn the API: every type, field, argument, enum value and
 * input field must carry an English description. The failure lists each schema coordinate lacking one.
 */
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { buildGrandLivreSchema } from '../../../src/schema/build-schema';

function described(text: string | null | undefined): boolean {
  return typeof text === 'string' && text.trim().length > 0;
}

/** Schema coordinates (`Type.field(arg:)`, `Enum.VALUE`) of everything without a description. */
function undescribedCoordinates(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const visit = (type: GraphQLNamedType): void => {
    if (!described(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args)
          if (!described(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues())
        if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  };
  // Introspection types (`__Schema`, …) are graphql-js's own and already described.
  for (const type of Object.values(schema.getTypeMap())) if (!type.name.startsWith('__')) visit(type);
  return missing.sort();
}

describe('schema descriptions', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGrandLivreSchema();
  });

  it('describes every type, field, argument, enum value and input field', () => {
    expect(undescribedCoordinates(schema)).toEqual([]);
  });

  it('names each kind of undescribed coordinate (the walk is not vacuous)', () => {
    const partial = buildSchema(`
      "Described." type Query { "Described." items(first: Int): [Item!]! }
      type Item { kind: Kind, note: String }
      enum Kind { "Described." A B }
      "Described." input Filter { kind: Kind }
    `);
    expect(undescribedCoordinates(partial)).toEqual([
      'Filter.kind',
      'Item',
      'Item.kind',
      'Item.note',
      'Kind',
      'Kind.B',
      'Query.items(first:)',
    ]);
  });
});
