/**
 * The MAD item reader hands short digit ids over as numbers (V8 internalizes short JSON strings): the
 * movements mapped from the simulator's own items are the same with and without that rewrite.
 */
import { jsonArrayBatches } from '../../../../src/providers/myunisoft/json-array-items';
import { movementFromMad, movementsOfMadEntry } from '../../../../src/providers/myunisoft/map';
import {
  MAD_NUMBER_KEYS,
  madEntrySchema,
  madMovementSchema,
} from '../../../../src/providers/myunisoft/schemas';
import { createDataset } from '../../../../src/simulators/data/dataset';
import { madEntry, madMovement } from '../../../../src/simulators/myunisoft/mad-shapes';

const dataset = createDataset({ openingEntries: true });
const company = dataset.companiesOf('myunisoft')[0]!;
const entries = company.exercises.flatMap((exercise) => [...dataset.entries(company, exercise)]);
const base = 'http://127.0.0.1:1';

async function parsed(text: string, rewrite: boolean): Promise<unknown[]> {
  const out: unknown[] = [];
  const bytes = Buffer.from(text);
  async function* body() {
    for (let i = 0; i < bytes.length; i += 1_000) yield Buffer.from(bytes.subarray(i, i + 1_000));
  }
  const options = rewrite ? { digitStringsAsNumbers: MAD_NUMBER_KEYS } : {};
  for await (const batch of jsonArrayBatches(body(), options)) out.push(...batch);
  return out;
}

describe('MAD ids read as numbers', () => {
  it('maps the same movements from /mad/movements items', async () => {
    const items = entries.flatMap((entry) =>
      entry.lines.map((line) => madMovement(company, entry, line, base)),
    );
    const text = JSON.stringify(items);
    const map = (value: unknown) => movementFromMad(company.id, madMovementSchema.parse(value));
    const plain = (await parsed(text, false)).map(map);
    const rewritten = await parsed(text, true);
    expect(rewritten.some((item) => typeof (item as { producerId: unknown }).producerId === 'number')).toBe(
      true,
    );
    expect(rewritten.map(map)).toEqual(plain);
    expect(plain).toHaveLength(items.length);
  });

  it('maps the same movements from full export entries', async () => {
    const text = JSON.stringify(entries.map((entry) => madEntry(company, entry, base, true)));
    const map = (value: unknown) => movementsOfMadEntry(company.id, madEntrySchema.parse(value));
    const plain = (await parsed(text, false)).flatMap(map);
    expect((await parsed(text, true)).flatMap(map)).toEqual(plain);
    expect(plain.every((m) => typeof m.entryId === 'string' && /^[1-9]\d*$/.test(m.entryId))).toBe(true);
  });

  it('gives back a string id, and still refuses a number no reader made', () => {
    const movement = madMovement(company, entries[1]!, entries[1]!.lines[0]!, base);
    const asNumber = { ...movement, producerId: Number(movement.producerId) };
    expect(madMovementSchema.parse(asNumber).producerId).toBe(movement.producerId);
    for (const bad of [0, -5, 1.5, 1e15])
      expect(madMovementSchema.safeParse({ ...movement, producerId: bad }).success).toBe(false);
  });
});
