import { Kind } from 'graphql';
import { DateScalar, isIsoDate } from '../../../src/schema/scalars/date.scalar';
import { DateTimeScalar } from '../../../src/schema/scalars/date-time.scalar';
import { DecimalScalar } from '../../../src/schema/scalars/decimal.scalar';

describe('Date', () => {
  it('accepts real calendar days only', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-1', '2024-01-01T00:00:00Z', 20240101]) {
      expect(() => DateScalar.parseValue(bad)).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
      );
    }
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2024-03-31' })).toBe('2024-03-31');
  });

  it('serializes dates and timestamps as their day', () => {
    expect(DateScalar.serialize('2024-03-31')).toBe('2024-03-31');
    expect(DateScalar.serialize(new Date('2024-03-31T10:00:00Z'))).toBe('2024-03-31');
  });

  it('serializes a run of values as checking each one afresh would, repeated days included', () => {
    const fresh = (value: unknown) => {
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      if (typeof value === 'string' && isIsoDate(value.slice(0, 10))) return value.slice(0, 10);
      return 'refused';
    };
    const values = [
      '2024-03-31',
      '2024-03-31',
      '2024-03-31T10:00:00Z',
      '2024-03-31',
      '2023-02-29',
      '2023-02-29',
      '2024-03-3',
      '2024-03-31 ',
      20240331,
      null,
      new Date('2024-01-01T23:00:00Z'),
      '2024-03-31',
      '2024-04-01',
      '2024-04-01',
      '2024-02-30',
      '2024-04-01',
      '',
      '2024-04-01',
    ];
    for (const value of [...values, ...values.reverse()]) {
      let served: unknown;
      try {
        served = DateScalar.serialize(value);
      } catch {
        served = 'refused';
      }
      expect(served).toBe(fresh(value));
    }
  });
});

describe('DateTime', () => {
  it('serves UTC ISO 8601 and requires a zone on input', () => {
    expect(DateTimeScalar.serialize('2023-03-24T19:05:21.380+02:00')).toBe('2023-03-24T17:05:21.380Z');
    expect(() => DateTimeScalar.parseValue('2023-03-24T17:05:21')).toThrow(/zone/);
  });
});

describe('Decimal', () => {
  it('prints integer cents with two decimals', () => {
    expect(DecimalScalar.serialize(-26444)).toBe('-264.44');
    expect(DecimalScalar.serialize(0)).toBe('0.00');
    expect(DecimalScalar.serialize(5)).toBe('0.05');
    expect(() => DecimalScalar.serialize(1.5)).toThrow();
  });

  it('parses decimal strings to cents, refusing floats and extra precision', () => {
    expect(DecimalScalar.parseValue('264.44')).toBe(26444);
    expect(() => DecimalScalar.parseValue(264.44)).toThrow();
    expect(() => DecimalScalar.parseValue('1.005')).toThrow(/two decimals/);
  });
});
