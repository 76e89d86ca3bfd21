/**
 * A clock the test moves by hand: `sleep` records the wait and advances time at once, so tests assert
 * on the waits the code asked for, never on elapsed wall-clock time.
 */
export class SteppingClock {
  /** Every wait asked of `sleep`, in ms, in order. */
  readonly slept: number[] = [];

  constructor(private time = 1_700_000_000_000) {}

  readonly now = (): number => this.time;

  readonly sleep = async (ms: number): Promise<void> => {
    this.slept.push(ms);
    this.time += ms;
  };

  advance(ms: number): void {
    this.time += ms;
  }
}
