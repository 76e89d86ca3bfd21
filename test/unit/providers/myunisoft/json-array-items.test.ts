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

describe('jsonArrayBatches, digitStringsAsNumbers', () => {
  async function read(text: string, size: number, keys = ['producerId']): Promise<unknown[]> {
    const out: unknown[] = [];
    for await (const batch of jsonArrayBatches(chunks(text, size), { digitStringsAsNumbers: keys }))
      out.push(...batch);
    return out;
  }
  const sizes = [1, 2, 3, 5, 11, 64, 100_000];

  it('hands 1–15-digit ids without a leading zero over as numbers, wherever the chunks split them', async () => {
    const items = [
      { producerId: '1320000021', entry: { producerId: '132000002', date: '2024-01-01' } },
      { producerId: '7', movements: [{ producerId: '999999999999999' }, { producerId: '10' }] },
    ];
    for (const size of sizes)
      expect(await read(JSON.stringify(items), size)).toEqual([
        { producerId: 1320000021, entry: { producerId: 132000002, date: '2024-01-01' } },
        { producerId: 7, movements: [{ producerId: 999999999999999 }, { producerId: 10 }] },
      ]);
  });

  it('reads a spaced member too', async () => {
    expect(await read('[ { "a" : 1 , "producerId" : "42" } ]', 3)).toEqual([{ a: 1, producerId: 42 }]);
  });

  it.each([
    ['a leading zero', '0123'],
    ['a lone zero', '0'],
    ['16 digits', '1234567890123456'],
    ['letters', '12a4'],
    ['a sign', '-12'],
    ['a decimal', '1.5'],
    ['an empty id', ''],
    ['spaces', ' 12'],
  ])('leaves %s a string', async (_name, id) => {
    const text = JSON.stringify([{ producerId: id }, { x: { producerId: id } }]);
    for (const size of sizes)
      expect(await read(text, size)).toEqual([{ producerId: id }, { x: { producerId: id } }]);
  });

  it('leaves escaped digits a string (the escape is not read)', async () => {
    expect(await read('[{"producerId":"\\u0031\\u0032"}]', 4)).toEqual([{ producerId: '12' }]);
  });

  it('leaves other keys, non-string values and look-alikes inside string values as they are', async () => {
    const items = [
      { id: '123', xproducerId: '456', producerIdx: '789', producerId: null },
      { description: '{"producerId":"123"}', label: ',"producerId":"5"', list: ['producerId', '6'] },
      { producerId: 12, note: '\\",\\"producerId\\":\\"7' },
      { producerId: { producerId: '8' } },
    ];
    for (const size of sizes)
      expect(await read(JSON.stringify(items), size)).toEqual([
        items[0],
        items[1],
        items[2],
        { producerId: { producerId: 8 } },
      ]);
  });

  it('rewrites nothing without the option', async () => {
    expect(await items('[{"producerId":"1320000021"}]', 5)).toEqual([{ producerId: '1320000021' }]);
  });

  it('turns back into the same digits: String(Number(s)) === s for every id it rewrites', () => {
    const ids = ['1', '9', '10', '1320000021', '900719925474099', '999999999999999', '100000000000000'];
    for (let n = 0; n < 2_000; n++) {
      const digits = 1 + (n % 15);
      let id = String(1 + Math.floor(Math.random() * 9));
      while (id.length < digits) id += String(Math.floor(Math.random() * 10));
      ids.push(id);
    }
    for (const id of ids) expect(String(Number(id))).toBe(id);
  });
});
