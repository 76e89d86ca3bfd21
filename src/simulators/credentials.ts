/**
 * The demo accounts the simulators accept. They are not secrets of any real service: they exist so
 * `npm start` works offline. Tests use them too, and the secret-scan test looks for them in output.
 */
export const demoCredentials = {
  jepilote: {
    /** Sees the companies whose `owner` is 'demo'. */
    demo: { username: 'compta@cabinet-demo.test', password: 'jp-demo-password-7f3a' },
    /** Sees the companies whose `owner` is 'demo-other'. */
    other: { username: 'compta@cabinet-autre.test', password: 'jp-other-password-91bc' },
  },
  myunisoft: {
    thirdPartySecret: 'grandlivre-L8vlKfjJ5y7zwFj2J49xo53V',
    /** Firm tokens ("accès cabinet"): need `society-id`. */
    demo: { apiToken: 'mu-demo-firm-token-3c9d2e71b0', access: 'firm' as const },
    other: { apiToken: 'mu-other-firm-token-5a17f0c2d4', access: 'firm' as const },
  },
  inqom: {
    clientId: 'grand-livre-api-client',
    clientSecret: 'iq-client-secret-0d8e44a1c9',
    demo: { username: 'api@cabinet-demo.test', password: 'iq-demo-password-c41f', firmId: '5001' },
    other: { username: 'api@cabinet-autre.test', password: 'iq-other-password-77e2', firmId: '5002' },
  },
  pleo: {
    /** Basic auth: API key as user name, empty password. */
    demo: { apiKey: 'pleo-demo-api-key-b7e1c09a' },
    /** Bearer auth. */
    other: { token: 'pleo-other-jwt-token-2f6d8a3e' },
  },
} as const;

export type DemoOwner = 'demo' | 'demo-other';
