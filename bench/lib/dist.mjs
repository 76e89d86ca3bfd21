// The built gateway modules the bench needs (run `npm run build` first; `npm run bench` does).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const { createDataset } = require('../../dist/src/simulators/data/dataset.js');
export const { buildDemoConfig } = require('../../dist/src/simulators/demo-config.js');
export const { demoCredentials } = require('../../dist/src/simulators/credentials.js');
export const { encodeGlobalId, companyGlobalId } = require('../../dist/src/domain/ids.js');

/** The demo config against running simulators, built from the same deterministic dataset they serve. */
export function gatewayConfig(urls, datasetOptions, extra = {}) {
  const dataset = createDataset(datasetOptions);
  return { ...buildDemoConfig({ urls, dataset }), ...extra };
}
