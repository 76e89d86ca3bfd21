import { formatCents, minorUnitsToCents, parseDecimalToCents, sumCents } from '../../../src/domain/money';

describe('money', () => {
  it.each([
    ['264.44', 26444],
    ['-264.44', -26444],
    [83.77, 8377],
    [0.1, 10],
    ['1,5', 150],
    ['12', 1200],
    ['0.00', 0],
    ['-0', 0],
    ['3.100', 310],
    [1e-9, 0],
  ])('parses %p to %p cents without float error', (input, cents) => {
    expect(parseDecimalToCents(input)).toBe(cents);
  });

  it.each(['abc', '1.005', '', '1e5', 'NaN'])('refuses %p', (input) => {
    expect(() => parseDecimalToCents(input)).toThrow(RangeError);
  });

  it('formats cents as two-decimal strings', () => {
    expect(formatCents(-26444)).toBe('-264.44');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(-5)).toBe('-0.05');
    expect(formatCents(0)).toBe('0.00');
  });

  it('sums exactly where floats drift', () => {
    const floats = Array.from({ length: 10 }, () => 0.1);
    expect(floats.reduce((a, b) => a + b, 0)).not.toBe(1);
    expect(formatCents(sumCents(floats.map(parseDecimalToCents)))).toBe('1.00');
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => minorUnitsToCents(1.5)).toThrow(RangeError);
  });
});
