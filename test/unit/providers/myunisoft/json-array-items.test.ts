import { JsonArrayError, jsonArrayBatches } from '../../../../src/providers/myunisoft/json-array-items';
import { quotedKeys, unquoteDigitIds } from '../../../../src/providers/myunisoft/json-digit-ids';

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

describe('jsonArrayBatches, digitIdKeys', () => {
  async function read(text: string, size: number, keys = ['producerId']): Promise<unknown[]> {
    const out: unknown[] = [];
    for await (const batch of jsonArrayBatches(chunks(text, size), { digitIdKeys: keys })) out.push(...batch);
    return out;
  }
  const sizes = [1, 2, 3, 5, 11, 64, 100_000];
  const same = async (text: string) => {
    for (const size of sizes) expect(await read(text, size)).toEqual(JSON.parse(text));
  };

  it('gives back the same items, ids split across chunks anywhere', async () => {
    await same(
      JSON.stringify([
        { producerId: '1320000021', entry: { producerId: '132000002', date: '2024-01-01' } },
        { producerId: '7', movements: [{ producerId: '999999999999999' }, { producerId: '10' }] },
        { attachments: { '123': { producerId: '55' } }, list: [[{ producerId: '1' }]], producerId: '2' },
      ]),
    );
    await same('[ { "a" : 1 , "producerId" : "42" } ]');
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
  ])('keeps %s as it is', async (_name, id) => {
    await same(JSON.stringify([{ producerId: id }, { x: { producerId: id }, producerId: '12' }]));
  });

  it('keeps escaped digits, other keys, non-string values and look-alikes inside strings', async () => {
    await same('[{"producerId":"\\u0031\\u0032"}]');
    await same(
      JSON.stringify([
        { id: '123', xproducerId: '456', producerIdx: '789', producerId: null },
        { description: '{"producerId":"123"}', label: ',"producerId":"5"', list: ['producerId', '6'] },
        { note: '\\",\\"producerId\\":\\"7', producerId: { producerId: '8' } },
      ]),
    );
  });

  it('gives back an id nested 100,000 deep', async () => {
    const depth = 100_000;
    const text = `[${'['.repeat(depth)}{"producerId":"12"}${']'.repeat(depth)}]`;
    const [item] = await read(text, 100_000);
    let node = item;
    for (let d = 0; d < depth; d++) node = (node as unknown[])[0];
    expect(node).toEqual({ producerId: '12' });
  });

  it('keeps the numbers of an item whose ids already hold numbers', async () => {
    await same('[{"producerId":"12","m":[{"producerId":34}]},{"producerId":-5,"e":{"producerId":"6"}}]');
  });
});

describe('unquoteDigitIds', () => {
  const keys = quotedKeys(['producerId']);
  const rewrite = (text: string) => {
    const bytes = Buffer.from(text);
    return { count: unquoteDigitIds(bytes, keys), text: bytes.toString() };
  };

  it('blanks the quotes of short digit ids only (JSON.parse reads numbers, not short strings)', () => {
    expect(rewrite('{"producerId":"1320000021","x":{"producerId":"0123"},"y":{"producerId":"9"}}')).toEqual({
      count: 2,
      text: '{"producerId": 1320000021 ,"x":{"producerId":"0123"},"y":{"producerId": 9 }}',
    });
    expect(rewrite('{"d":"{\\"producerId\\":\\"1\\"}","producerId":"1234567890123456"}').count).toBe(0);
    expect(rewrite('{"producerId":"12","e":{"producerId":3}}')).toEqual({
      count: 0,
      text: '{"producerId":"12","e":{"producerId":3}}',
    });
  });

  it('rewrites only ids that Number(s).toFixed(0) gives back', () => {
    const ids = ['1', '9', '10', '1320000021', '900719925474099', '999999999999999', '100000000000000'];
    for (let n = 0; n < 2_000; n++) {
      let id = String(1 + Math.floor(Math.random() * 9));
      while (id.length < 1 + (n % 15)) id += String(Math.floor(Math.random() * 10));
      ids.push(id);
    }
    for (const id of ids) {
      expect(rewrite(`{"producerId":"${id}"}`).count).toBe(1);
      expect(Number(id).toFixed(0)).toBe(id);
    }
  });
});
