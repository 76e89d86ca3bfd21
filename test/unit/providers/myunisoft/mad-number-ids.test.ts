/**
 * The MAD item reader hands short digit ids to JSON.parse as numbers (V8 interns short JSON strings) and
 * turns them back: the simulator's own items, and the movements mapped from them, are the same with and
 * without that detour.
 */
import {
  jsonArrayBatches,
  type JsonArrayOptions,
} from '../../../../src/providers/myunisoft/json-array-items';
import { MAD_DIGIT_IDS } from '../../../../src/providers/myunisoft/mad-stream';
import { movementFromMad, movementsOfMadEntry } from '../../../../src/providers/myunisoft/map';
import { madEntrySchema, madMovementSchema } from '../../../../src/providers/myunisoft/schemas';
import { createDataset } from '../../../../src/simulators/data/dataset';
import { madEntry, madMovement } from '../../../../src/simulators/myunisoft/mad-shapes';

const dataset = createDataset({ openingEntries: true });
const company = dataset.companiesOf('myunisoft')[0]!;
const entries = company.exercises.flatMap((exercise) => [...dataset.entries(company, exercise)]);
const base = 'http://127.0.0.1:1';

async function parsed(text: string, options: JsonArrayOptions): Promise<unknown[]> {
  const out: unknown[] = [];
  const bytes = Buffer.from(text);
  async function* body() {
    for (let i = 0; i < bytes.length; i += 1_000) yield Buffer.from(bytes.subarray(i, i + 1_000));
  }
  for await (const batch of jsonArrayBatches(body(), options)) out.push(...batch);
  return out;
}

describe('MAD ids through JSON.parse as numbers', () => {
  it('reads the same /mad/movements items and maps the same movements', async () => {
    const items = entries.flatMap((entry) =>
      entry.lines.map((line) => madMovement(company, entry, line, base)),
    );
    const text = JSON.stringify(items);
    const map = (value: unknown) => movementFromMad(company.id, madMovementSchema.parse(value));
    const plain = await parsed(text, {});
    const viaNumbers = await parsed(text, { digitIdKeys: ['producerId'] });
    const alongPaths = await parsed(text, MAD_DIGIT_IDS.movement!);
    expect(viaNumbers).toEqual(items);
    expect(alongPaths).toEqual(items);
    expect(viaNumbers.map(map)).toEqual(plain.map(map));
    expect(plain).toHaveLength(items.length);
  });

  it('reads the same full export entries and maps the same movements', async () => {
    const items = entries.map((entry) => madEntry(company, entry, base, true));
    const text = JSON.stringify(items);
    const map = (value: unknown) => movementsOfMadEntry(company.id, madEntrySchema.parse(value));
    const viaNumbers = await parsed(text, { digitIdKeys: ['producerId'] });
    expect(viaNumbers).toEqual(items);
    expect(await parsed(text, MAD_DIGIT_IDS.entry!)).toEqual(items);
    const movements = viaNumbers.flatMap(map);
    expect(movements).toEqual((await parsed(text, {})).flatMap(map));
    expect(movements.every((m) => typeof m.entryId === 'string' && /^[1-9]\d*$/.test(m.entryId))).toBe(true);
  });
});
