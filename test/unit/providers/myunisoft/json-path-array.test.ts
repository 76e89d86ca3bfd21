import { jsonArrayBatches, JsonArrayError } from '../../../../src/providers/myunisoft/json-array-items';
import { arrayAtPath } from '../../../../src/providers/myunisoft/json-path-array';

/** The document cut into chunks of `size` bytes, as a network body would arrive. */
async function* chunks(text: string, size: number) {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function itemsAt(text: string, size: number) {
  const out: unknown[] = [];
  for await (const batch of jsonArrayBatches(arrayAtPath(chunks(text, size), ['data', 'entries']), {
    endsInside: true,
  }))
    out.push(...batch);
  return out;
}

const DOCUMENT = JSON.stringify({
  metadata: { entries: [1], note: 'a "quoted" } ] string with "entries": [' },
  data: {
    journals: [{ entries: ['not these'] }],
    'entries\\"x': [0],
    entries: [
      { id: 1, movements: [{ v: '[]{}' }] },
      { id: 2, movements: [] },
    ],
    after: [9],
  },
});

describe('arrayAtPath', () => {
  it.each([1, 3, 7, 4096])('finds data.entries whatever the chunking (%i bytes)', async (size) => {
    expect(await itemsAt(DOCUMENT, size)).toEqual([
      { id: 1, movements: [{ v: '[]{}' }] },
      { id: 2, movements: [] },
    ]);
  });

  it('reads an empty array, and fails on a document without one', async () => {
    expect(await itemsAt('{"data":{"entries":[]},"x":1}', 2)).toEqual([]);
    await expect(itemsAt('{"data":{"entries":3}}', 4)).rejects.toBeInstanceOf(JsonArrayError);
    await expect(itemsAt('{"entries":[1]}', 4)).rejects.toBeInstanceOf(JsonArrayError);
  });
});
