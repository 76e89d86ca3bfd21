/** A clock tests move by hand: `sleep` resolves when `advance` passes its time. Never the wall clock. */
export class FakeClock {
  private sleepers: { at: number; resolve: () => void }[] = [];

  constructor(private current = 1_700_000_000_000) {}

  now = (): number => this.current;

  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => this.sleepers.push({ at: this.current + ms, resolve }));

  /** Sleepers waiting right now (the budget's pump, when it waits). */
  get sleeping(): number {
    return this.sleepers.length;
  }

  /** Moves time on by `ms`, waking due sleepers, and lets the promises they free settle. */
  async advance(ms: number): Promise<void> {
    this.current += ms;
    const due = this.sleepers.filter((s) => s.at <= this.current);
    this.sleepers = this.sleepers.filter((s) => s.at > this.current);
    due.forEach((s) => s.resolve());
    await settle();
  }
}

/** Lets pending promise chains (store calls, queue pumps) run to their next real wait. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}
