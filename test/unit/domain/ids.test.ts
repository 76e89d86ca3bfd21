import {
  decodeGlobalId,
  decodeGlobalIdOf,
  encodeGlobalId,
  globalIdEncoder,
  globalIdOf,
  recordGlobalId,
  type GlobalId,
} from '../../../src/domain/ids';
import { BadUserInputError } from '../../../src/errors';

const entry: GlobalId = { type: 'Entry', provider: 'MYUNISOFT', companyId: '123', nativeId: '456' };

describe('global ids', () => {
  it('round-trips type, provider, company and native id as an opaque base64url string', () => {
    const id = encodeGlobalId(entry);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(id).not.toContain('456');
    expect(decodeGlobalId(id, 'id')).toEqual(entry);
  });

  it('keeps native ids with separators intact', () => {
    const odd = { ...entry, nativeId: 'a:b/c "d"' };
    expect(decodeGlobalId(encodeGlobalId(odd), 'id')).toEqual(odd);
  });

  it.each([
    '',
    'not base64!',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('["g1","Entry","NOPE","1","2"]').toString('base64url'),
  ])('refuses the malformed id %j as BAD_USER_INPUT naming the field', (value) => {
    expect(() => decodeGlobalId(value, 'filter.exerciseId')).toThrow(BadUserInputError);
    try {
      decodeGlobalId(value, 'filter.exerciseId');
    } catch (error) {
      expect((error as BadUserInputError).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.exerciseId',
      });
    }
  });

  it('checks the expected type', () => {
    expect(() => decodeGlobalIdOf(encodeGlobalId(entry), ['Company'], 'input.companyId')).toThrow(
      /must be the id of a Company/,
    );
    expect(decodeGlobalIdOf(encodeGlobalId(entry), ['Entry'], 'id').nativeId).toBe('456');
  });
});

describe('globalIdEncoder', () => {
  it('gives the same ids as encodeGlobalId, for every prefix length and any native id', () => {
    const nativeIds = [
      '7',
      '1320000021',
      '13200000100',
      '0012',
      'doc "quoted" \\ back',
      'é€😀',
      'tab\tnew\nline\u0000',
      'lone \ud800 surrogate',
      'x'.repeat(256),
      'é'.repeat(3_000),
    ];
    for (const companyId of ['1', '21', '2199', '11287', 'ab"c', 'société']) {
      for (const type of ['Movement', 'Entry', 'Document'] as const) {
        const encode = globalIdEncoder(type, 'MYUNISOFT', companyId);
        for (const nativeId of nativeIds)
          expect(encode(nativeId)).toBe(encodeGlobalId({ type, provider: 'MYUNISOFT', companyId, nativeId }));
      }
    }
  });
});

describe('globalIdOf', () => {
  it("gives encodeGlobalId's ids while types, providers and companies change from one call to the next", () => {
    const calls = [
      ['Movement', 'MYUNISOFT', '2199', '1@2'],
      ['Movement', 'MYUNISOFT', '2199', '3@2'],
      ['Entry', 'MYUNISOFT', '2199', '2'],
      ['Movement', 'MYUNISOFT', '21', '1@2'],
      ['Movement', 'INQOM', '21', '1@2'],
      ['Movement', 'MYUNISOFT', '2199', 'é"\\'],
      ['Entry', 'PLEO', 'ab"c', '2'],
    ] as const;
    for (let round = 0; round < 2; round++)
      for (const [type, provider, companyId, nativeId] of calls) {
        const id = encodeGlobalId({ type, provider, companyId, nativeId });
        expect(globalIdOf(type, provider, companyId, nativeId)).toBe(id);
        expect(recordGlobalId(type, { provider, companyId, providerId: nativeId })).toBe(id);
      }
  });
});
