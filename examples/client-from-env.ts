/** The SDK client the examples share: the gateway URL and API key come from the environment. */
import { createGrandLivreClient, GrandLivreError } from '@grand-livre/sdk';

export function clientFromEnv() {
  const url = process.env.GRAND_LIVRE_URL;
  const apiKey = process.env.GRAND_LIVRE_API_KEY;
  if (!url || !apiKey) {
    throw new Error('Set GRAND_LIVRE_URL (e.g. http://127.0.0.1:4000/graphql) and GRAND_LIVRE_API_KEY.');
  }
  return createGrandLivreClient({ url, apiKey });
}

/** Runs an example: a failure prints its code and message (never the key) and exits 1. */
export function run(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof GrandLivreError) {
      const where = error.path ? ` at ${error.path.join('.')}` : '';
      console.error(`Grand Livre error ${error.code}${where}: ${error.message}`);
    } else console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
