import { JsonArrayError, jsonArrayBatches } from '../../../../src/providers/myunisoft/json-array-items';

async function* chunks(text: string, size: number) {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function items(text: string, size = 7, maxItemBytes?: number): Promise<unknown[]> {
  const out: unknown[] = [];
  const options = maxItemBytes === undefined ? {} : { maxItemBytes };
  for await (const batch of jsonArrayBatches(chunks(text, size), options)) out.push(...batch);
  return out;
}

describe('jsonArrayBatches', () => {
  const tricky = [
    { a: 'quote " bracket ] brace } comma ,', b: [1, [2, { c: '\\' }]] },
    { text: 'é€😀 multi-byte', n: -1.5e3, t: true, z: null },
    'a string item, with ] inside',
    42,
    [],
    {},
  ];

  it('reads every item whatever the chunk boundaries', async () => {
    const text = ` \n[ ${tricky.map((v) => JSON.stringify(v, null, 1)).join(' ,\n')} ] \n`;
    for (const size of [1, 2, 3, 5, 64, 100_000]) expect(await items(text, size)).toEqual(tricky);
  });

  it('reads an empty array', async () => {
    expect(await items('[]')).toEqual([]);
    expect(await items(' [ \n ] ')).toEqual([]);
  });

  it.each([
    ['not an array', '{"data": [{"id": 1}]}'],
    ['a truncated array', '[{"id": 1}, {"id": 2'],
    ['a truncated array after a comma', '[{"id": 1},'],
    ['garbage after the array', '[{"id": 1}] x'],
    ['an empty body', ''],
  ])('refuses %s', async (_name, text) => {
    await expect(items(text)).rejects.toBeInstanceOf(JsonArrayError);
  });

  it.each([
    ['a trailing comma', '[{"id": 1},]'],
    ['two values in one item', '[{"id": 1} {"id": 2}]'],
    ['a broken item', '[{"id": 1,}]'],
  ])('refuses %s with a syntax error', async (_name, text) => {
    await expect(items(text)).rejects.toBeInstanceOf(SyntaxError);
  });

  it('refuses an item bigger than the bound, without buffering it whole', async () => {
    const big = `[${JSON.stringify({ pad: 'x'.repeat(5_000) })}]`;
    await expect(items(big, 1_000, 4_096)).rejects.toThrow('exceeds 4096 bytes');
    expect(await items(big, 1_000, 8_192)).toHaveLength(1);
  });
});
