/**
 * The schema is a committed artefact: the code must print exactly schema/schema.graphql (run
 * `npm run schema` after a deliberate change), and every example operation must validate against it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { printGrandLivreSchema } from '../../../src/schema/emit';

const root = join(__dirname, '../../..');

describe('printed schema', () => {
  let printed: string;
  beforeAll(async () => {
    printed = await printGrandLivreSchema();
  });

  it('matches the committed schema/schema.graphql', () => {
    expect(printed).toBe(readFileSync(join(root, 'schema/schema.graphql'), 'utf8'));
  });

  it('validates every operation of schema/operations', () => {
    const schema = buildSchema(printed);
    const dir = join(root, 'schema/operations');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.graphql'))) {
      const errors = validate(schema, parse(readFileSync(join(dir, file), 'utf8')));
      expect({ file, errors: errors.map((e) => e.message) }).toEqual({ file, errors: [] });
    }
  });

  it('describes every type and field', () => {
    const schema = buildSchema(printed);
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Boolean', 'ID', 'Float'].includes(type.name))
        continue;
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) undocumented.push(type.name);
      if ('getFields' in type)
        for (const field of Object.values(type.getFields()))
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
    }
    expect(undocumented).toEqual([]);
  });
});
