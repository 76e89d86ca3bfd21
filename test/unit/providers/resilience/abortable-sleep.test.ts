import { abortableSleep } from '../../../../src/providers/resilience/abortable-sleep';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('resolves after its time and leaves no listener on the signal', async () => {
  const controller = new AbortController();
  const removed = jest.spyOn(controller.signal, 'removeEventListener');
  const wait = abortableSleep(1_000, controller.signal);
  await jest.advanceTimersByTimeAsync(1_000);
  await expect(wait).resolves.toBeUndefined();
  expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
});

it('rejects at once with the abort reason, as an Error', async () => {
  const controller = new AbortController();
  const wait = abortableSleep(60_000, controller.signal);
  controller.abort('gone');
  await expect(wait).rejects.toThrow('aborted');
  const withError = new AbortController();
  const second = abortableSleep(60_000, withError.signal);
  withError.abort(new Error('client left'));
  await expect(second).rejects.toThrow('client left');
});

it('rejects at once when the signal was aborted before the wait began', async () => {
  const controller = new AbortController();
  controller.abort(new Error('already gone'));
  await expect(abortableSleep(60_000, controller.signal)).rejects.toThrow('already gone');
  expect(jest.getTimerCount()).toBe(0);
});
