/**
 * OpenTelemetry spans through the real gateway with an in-memory exporter: one server span per
 * GraphQL operation (`graphql.<operationName>`, with type, name, tenant and outcome), client spans for
 * its upstream calls as its children in the same trace, an error status on a failed upstream call,
 * and one child span per operation of a batched request.
 */
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { request } from 'undici';
import { PROBES, PROBE_QUERY, probeVariables } from '../faults/provider-probes';
import { eventually, startObservedGateway, type ObservedGateway } from './observed-gateway';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let gateway: ObservedGateway;
beforeAll(async () => {
  gateway = await startObservedGateway({
    logLevel: 'silent',
    tracerProvider: provider,
    configure: (config) => ({ ...config, cache: { listTtlMs: 0 }, http: { maxRetries: 0 } }),
  });
});
afterAll(async () => {
  await gateway.close();
  await provider.shutdown();
});
beforeEach(() => exporter.reset());

const spans = () => exporter.getFinishedSpans();
const named = (name: string) => () => spans().find((span) => span.name === name);
const childrenOf = (parent: ReadableSpan) =>
  spans().filter(
    (span) =>
      span.spanContext().traceId === parent.spanContext().traceId &&
      span.parentSpanContext?.spanId === parent.spanContext().spanId,
  );

describe('spans', () => {
  it('wraps an operation in a server span whose children are its upstream calls', async () => {
    const result = await gateway.gql(PROBE_QUERY, probeVariables(gateway.sims));
    expect(result.body.errors).toBeUndefined();
    const operation = await eventually(named('graphql.Probe'));
    expect(operation.kind).toBe(SpanKind.SERVER);
    expect(operation.attributes).toMatchObject({
      'graphql.operation.type': 'query',
      'graphql.operation.name': 'Probe',
      'grand_livre.tenant': 'demo',
      'grand_livre.outcome': 'success',
      'http.response.status_code': 200,
    });
    expect(operation.parentSpanContext).toBeUndefined();

    const upstream = childrenOf(operation);
    expect(upstream.length).toBeGreaterThanOrEqual(4);
    expect(new Set(upstream.map((span) => span.attributes['grand_livre.provider']))).toEqual(
      new Set(['JEPILOTE', 'MYUNISOFT', 'INQOM', 'PLEO']),
    );
    for (const span of upstream) {
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(span.attributes['http.request.method']).toMatch(/^(GET|POST)$/);
      expect(span.attributes['url.template']).toMatch(/^\//);
      expect(span.attributes['http.response.status_code']).toBe(200);
      expect(span.status.code).not.toBe(SpanStatusCode.ERROR);
    }
    // Every upstream span of the request hangs under it: none opened a trace of its own.
    expect(spans().filter((span) => span.kind === SpanKind.CLIENT && !span.parentSpanContext)).toEqual([]);
  });

  it('marks a failed upstream call with an error status', async () => {
    const { method, path } = PROBES.myunisoft;
    gateway.sims.simulators.myunisoft.faults.add({ kind: 'status', status: 503, method, path });
    try {
      await gateway.gql(PROBE_QUERY, probeVariables(gateway.sims));
    } finally {
      gateway.sims.simulators.myunisoft.faults.clear();
    }
    const operation = await eventually(named('graphql.Probe'));
    expect(operation.attributes['grand_livre.outcome']).toBe('partial');
    const failed = childrenOf(operation).find(
      (span) => span.attributes['grand_livre.provider'] === 'MYUNISOFT',
    );
    expect(failed?.attributes).toMatchObject({
      'url.template': '/api/v1/society',
      'http.response.status_code': 503,
    });
    expect(failed?.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('gives each operation of a batched request its own span, under the batch span', async () => {
    const response = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gateway.apiKeys.demo}` },
      body: JSON.stringify([
        { query: 'query First { companies(provider: JEPILOTE) { totalCount } }' },
        { query: 'query Second { companies(provider: INQOM) { totalCount } }' },
      ]),
    });
    expect(response.statusCode).toBe(200);
    await response.body.dump();
    const batch = await eventually(named('graphql.batch'));
    const operations = childrenOf(batch).filter((span) => span.name.startsWith('graphql.'));
    expect(operations.map((span) => span.name).sort()).toEqual(['graphql.First', 'graphql.Second']);
    const providers = childrenOf(batch)
      .filter((span) => span.kind === SpanKind.CLIENT)
      .map((span) => span.attributes['grand_livre.provider']);
    expect(new Set(providers)).toEqual(new Set(['JEPILOTE', 'INQOM']));
  });
});
