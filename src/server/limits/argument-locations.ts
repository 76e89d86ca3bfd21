/**
 * Where an argument error sits: the argument path inside a field's arguments (`filter.from`,
 * `ids.0`) and the field's response path, for a literal refused by validation or a variable refused
 * by coercion, so both are answered as one ArgumentError.
 */
import {
  coerceInputValue,
  GraphQLError,
  isInputType,
  isNonNullType,
  Kind,
  typeFromAST,
  visit,
  type ArgumentNode,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import { ArgumentError } from '../../errors';
import type { OperationField } from './operation-fields';

type Segment = string | number;

/** The path from an argument to `target` (a value, an object field or a variable), if it holds it. */
function pathIn(value: ValueNode, target: (node: ASTNode) => boolean, at: Segment[]): Segment[] | undefined {
  if (target(value)) return at;
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const inner = [...at, field.name.value];
      if (target(field)) return inner;
      const found = pathIn(field.value, target, inner);
      if (found) return found;
    }
  }
  if (value.kind === Kind.LIST) {
    for (const [index, item] of value.values.entries()) {
      const found = pathIn(item, target, [...at, index]);
      if (found) return found;
    }
  }
  return undefined;
}

function argumentPath(argument: ArgumentNode, target: (node: ASTNode) => boolean): Segment[] | undefined {
  return pathIn(argument.value, target, [argument.name.value]);
}

const joined = (segments: Segment[]) => segments.join('.');

/**
 * A validation error about an argument's literal (wrong type, unparsable scalar, unknown or missing
 * input field, missing required argument) as an ArgumentError; any other validation error unchanged.
 */
export function literalArgumentError(
  error: GraphQLError,
  document: DocumentNode,
  fieldPaths: ReadonlyMap<FieldNode, string[]>,
): GraphQLError {
  const node = error.nodes?.[0];
  if (!node) return error;
  let located: ArgumentError | undefined;
  const reason = error.originalError?.message ?? error.message;
  visit(document, {
    Field(field, _key, _parent, _path, ancestors) {
      if (located) return false;
      const path = fieldPaths.get(field) ?? [...enclosingKeys(ancestors), (field.alias ?? field.name).value];
      const missing = /argument "(\w+)" of type "[^"]+" is required/.exec(error.message)?.[1];
      if (field === node && missing) {
        located = new ArgumentError(`${missing}: ${error.message}`, missing, path, [field]);
        return false;
      }
      for (const argument of field.arguments ?? []) {
        const at = argumentPath(argument, (candidate) => candidate === node);
        if (at) located = new ArgumentError(`${joined(at)}: ${reason}`, joined(at), path, [node]);
      }
      return undefined;
    },
  });
  return located ?? error;
}

function enclosingKeys(ancestors: readonly (ASTNode | readonly ASTNode[])[]): string[] {
  return ancestors
    .filter((a): a is FieldNode => !Array.isArray(a) && (a as ASTNode).kind === Kind.FIELD)
    .map((f) => (f.alias ?? f.name).value);
}

/** The first variable that does not coerce to its declared type, as an ArgumentError where it is used. */
export function variableArgumentError(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[],
  inputs: Readonly<Record<string, unknown>>,
  fields: readonly OperationField[],
): ArgumentError | undefined {
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    // Unknown or output types: validation has refused the document already.
    if (!type || !isInputType(type)) continue;
    const value = inputs[name];
    let failure: { inner: Segment[]; reason: string } | undefined;
    if (value === undefined) {
      if (isNonNullType(type) && !definition.defaultValue)
        failure = { inner: [], reason: `a value of type ${String(type)} is required` };
    } else {
      coerceInputValue(value, type, (path, _invalid, error) => {
        failure ??= { inner: [...path], reason: (error.originalError ?? error).message };
      });
    }
    if (failure) return atVariableUse(name, failure.inner, failure.reason, fields, definition);
  }
  return undefined;
}

function atVariableUse(
  name: string,
  inner: Segment[],
  reason: string,
  fields: readonly OperationField[],
  definition: VariableDefinitionNode,
): ArgumentError {
  const isUse = (node: ASTNode) => node.kind === Kind.VARIABLE && node.name.value === name;
  for (const field of fields) {
    for (const argument of field.node.arguments ?? []) {
      const at = argumentPath(argument, isUse);
      if (at) {
        const path = joined([...at, ...inner]);
        return new ArgumentError(`${path}: ${reason}`, path, field.path, [definition]);
      }
    }
  }
  // Used by no field argument (a directive's, say): the variable itself is at fault.
  const path = joined([`$${name}`, ...inner]);
  return new ArgumentError(`${path}: ${reason}`, path, [], [definition]);
}
