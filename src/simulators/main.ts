/**
 * `npm run simulators`: the four provider simulators on fixed loopback ports, for running the gateway
 * with `GRAND_LIVRE_CONFIG=config/local-simulators.example.json` in another terminal.
 * SIM_SEED, SIM_SCALE and SIM_LATENCY_MS tune the data and the simulated network.
 */
import { startSimulators } from './harness';

export const DEFAULT_SIMULATOR_PORTS = { jepilote: 4101, myunisoft: 4102, inqom: 4103, pleo: 4104 } as const;

async function main(): Promise<void> {
  const running = await startSimulators({
    seed: Number(process.env.SIM_SEED ?? 42),
    scale: Number(process.env.SIM_SCALE ?? 1),
    latencyMs: Number(process.env.SIM_LATENCY_MS ?? 0),
    ports: DEFAULT_SIMULATOR_PORTS,
  });
  for (const [name, url] of Object.entries(running.urls)) console.log(`${name.padEnd(10)} ${url}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`simulators failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
