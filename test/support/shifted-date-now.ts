/**
 * Moves `Date.now` (the clock cockatiel's circuit breaker reads) ahead by hand while time keeps flowing,
 * so a breaker's reset is reached by a jump, never by waiting; `restore` puts the real one back.
 */
export function shiftDateNow(): { advance(ms: number): void; restore(): void } {
  const real = Date.now.bind(Date);
  let offset = 0;
  const spy = jest.spyOn(Date, 'now').mockImplementation(() => real() + offset);
  return {
    advance: (ms) => {
      offset += ms;
    },
    restore: () => spy.mockRestore(),
  };
}
