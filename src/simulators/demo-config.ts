/**
 * The embedded demo configuration: two tenants (`demo`, `demo-other`) with disjoint companies,
 * pointed at running simulators. Each tenant uses its own provider accounts, so isolation holds at
 * the provider too, and the gateway's allowlists name exactly the companies each tenant owns.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ConfigInput } from '../config';
import type { DemoOwner } from './credentials';
import { demoCredentials as creds } from './credentials';
import type { SimulatorDataset } from './data/dataset';
import type { SimulatorName } from './harness';

const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');

export interface DemoConfigOptions {
  urls: Record<SimulatorName, string>;
  dataset: SimulatorDataset;
  /** API key of tenant `demo` (default `demo`, or DEMO_API_KEY). */
  demoApiKey?: string;
  /** API key of tenant `demo-other` (default `demo-other`). */
  otherApiKey?: string;
  port?: number;
  host?: string;
}

function tenant(id: DemoOwner, apiKey: string, o: DemoConfigOptions): ConfigInput['tenants'][number] {
  const who = id === 'demo' ? 'demo' : 'other';
  const ids = (provider: SimulatorName) => o.dataset.companiesOf(provider, id).map((c) => c.id);
  const pleoAuth =
    who === 'demo'
      ? { type: 'basic' as const, apiKey: creds.pleo.demo.apiKey }
      : { type: 'bearer' as const, token: creds.pleo.other.token };
  return {
    id,
    name: id === 'demo' ? 'Cabinet Démo' : 'Cabinet Autre',
    apiKeySha256: [sha256(apiKey)],
    providers: {
      jepilote: { baseUrl: o.urls.jepilote, ...creds.jepilote[who] },
      myunisoft: {
        baseUrl: o.urls.myunisoft,
        thirdPartySecret: creds.myunisoft.thirdPartySecret,
        ...creds.myunisoft[who],
      },
      inqom: {
        authUrl: o.urls.inqom,
        apiUrl: o.urls.inqom,
        clientId: creds.inqom.clientId,
        clientSecret: creds.inqom.clientSecret,
        ...creds.inqom[who],
      },
      pleo: {
        baseUrl: o.urls.pleo,
        auth: pleoAuth,
        companies: o.dataset.companiesOf('pleo', id).map((c) => ({ id: c.id, name: c.name, siren: c.siren })),
      },
    },
    // The demo frontend's dev server (Vite's default port) may call the gateway as tenant demo.
    allowedOrigins: id === 'demo' ? ['http://localhost:5173', 'http://127.0.0.1:5173'] : [],
    companies: {
      JEPILOTE: ids('jepilote'),
      MYUNISOFT: ids('myunisoft'),
      INQOM: ids('inqom'),
      PLEO: ids('pleo'),
    },
  };
}

export function buildDemoConfig(o: DemoConfigOptions): ConfigInput {
  return {
    host: o.host ?? '127.0.0.1',
    port: o.port ?? 4000,
    // A fresh secret per process: demo cursors and download links do not outlive a restart.
    signingSecret: randomBytes(32).toString('hex'),
    tenants: [
      tenant('demo', o.demoApiKey ?? 'demo', o),
      tenant('demo-other', o.otherApiKey ?? 'demo-other', o),
    ],
  };
}
