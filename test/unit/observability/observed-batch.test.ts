import DataLoader from 'dataloader';
import { observeBatches } from '../../../src/providers/observed-batch';

describe('observeBatches', () => {
  it('reports each dispatched batch with its key count, split by maxBatchSize', async () => {
    const seen: [string, number][] = [];
    const loader = new DataLoader<number, number>(
      observeBatches(
        'test.double',
        async (keys) => keys.map((k) => k * 2),
        (name, size) => seen.push([name, size]),
      ),
      { maxBatchSize: 3 },
    );
    expect(await Promise.all([1, 2, 3, 4, 2].map((k) => loader.load(k)))).toEqual([2, 4, 6, 8, 4]);
    expect(seen).toEqual([
      ['test.double', 3],
      ['test.double', 1],
    ]);
  });
});
