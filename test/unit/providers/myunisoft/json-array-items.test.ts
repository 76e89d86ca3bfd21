import { JsonArrayError, jsonArrayBatches } from '../../../../src/providers/myunisoft/json-array-items';
import { EVERY, requoteDigitIds } from '../../../../src/providers/myunisoft/json-digit-ids';

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

describe('jsonArrayBatches, the bytes JSON.parse reads', () => {
  /** One chunk read whole: its bytes after the read show which quotes were blanked. */
  const rewrite = async (text: string) => {
    const bytes = Buffer.from(`[${text}]`);
    async function* one() {
      yield bytes;
    }
    const out: unknown[] = [];
    for await (const batch of jsonArrayBatches(one(), { digitIdKeys: ['producerId'] })) out.push(...batch);
    expect(out).toEqual([JSON.parse(text)]);
    return bytes.toString().slice(1, -1);
  };

  it('blanks the quotes of digit ids of 1–10 digits only (V8 interns JSON strings of ≤ 10 characters)', async () => {
    expect(
      await rewrite(
        '{"producerId":"1320000021","x":{"producerId":"0123"},"y":{"producerId":"9"},"z":{"producerId":"13200000100"}}',
      ),
    ).toBe(
      '{"producerId": 1320000021 ,"x":{"producerId":"0123"},"y":{"producerId": 9 },"z":{"producerId":"13200000100"}}',
    );
    expect(await rewrite('{"d":"{\\"producerId\\":\\"1\\"}","producerId":"123456789012345"}')).toBe(
      '{"d":"{\\"producerId\\":\\"1\\"}","producerId":"123456789012345"}',
    );
    expect(await rewrite('{"producerId":"12","e":{"producerId":3}}')).toBe(
      '{"producerId":"12","e":{"producerId":3}}',
    );
    expect(await rewrite('{"produce\\u0072Id":"12","list":["producerId","7"],"producerId" : "8"}')).toBe(
      '{"produce\\u0072Id":"12","list":["producerId","7"],"producerId" :  8 }',
    );
  });

  it('gives back every id of 1–15 digits as the same string, whatever its length', async () => {
    const ids = [
      '1',
      '9',
      '10',
      '1320000021',
      '9999999999',
      '13200000100',
      '900719925474099',
      '100000000000000',
    ];
    for (let n = 0; n < 2_000; n++) {
      let id = String(1 + Math.floor(Math.random() * 9));
      while (id.length < 1 + (n % 15)) id += String(Math.floor(Math.random() * 10));
      ids.push(id);
    }
    for (const id of ids) {
      const text = await rewrite(`{"producerId":"${id}"}`);
      expect(text).toBe(id.length <= 10 ? `{"producerId": ${id} }` : `{"producerId":"${id}"}`);
    }
  });
});

describe('requoteDigitIds', () => {
  const paths = [
    ['producerId'],
    ['entry', 'producerId'],
    ['movements', EVERY, 'producerId'],
    ['movements', EVERY, 'analytics', EVERY, 'sections', EVERY, 'producerId'],
  ];

  it('turns back the numbers along the paths, then any other by a walk', () => {
    const item = {
      producerId: 1320000021,
      entry: { producerId: 132000002, date: '2024-01-01' },
      movements: [
        { producerId: 7, analytics: [{ sections: [{ producerId: 42 }, { producerId: '13200000100' }] }] },
        { producerId: 10, amount: 12.5, elsewhere: { producerId: 99 } },
      ],
      value: { debit: 33.14 },
    };
    requoteDigitIds(item, ['producerId'], 6, paths);
    expect(item).toEqual({
      producerId: '1320000021',
      entry: { producerId: '132000002', date: '2024-01-01' },
      movements: [
        { producerId: '7', analytics: [{ sections: [{ producerId: '42' }, { producerId: '13200000100' }] }] },
        { producerId: '10', amount: 12.5, elsewhere: { producerId: '99' } },
      ],
      value: { debit: 33.14 },
    });
  });

  it('follows a path only through the shapes it names', () => {
    const item = { producerId: [1], entry: [{ producerId: 2 }], movements: { producerId: 3 } };
    requoteDigitIds(item, ['producerId'], 3, paths);
    expect(item).toEqual({ producerId: [1], entry: [{ producerId: '2' }], movements: { producerId: '3' } });
  });

  it('refuses a path that ends outside the keys', async () => {
    async function* none() {}
    const read = jsonArrayBatches(none(), {
      digitIdKeys: ['producerId'],
      digitIdPaths: [['value', 'debit']],
    });
    await expect(read.next()).rejects.toThrow('does not end on a digit id key');
  });
});
