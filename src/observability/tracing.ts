/**
 * OpenTelemetry tracing of one gateway. Spans are exported only when an OTLP endpoint is configured
 * (or a tracer provider is injected, in tests); otherwise no tracer exists and the hot path creates
 * no span at all. The SDK and the exporter are loaded only when used.
 */
import { context, trace, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';

export interface TracingOptions {
  /** OTLP/HTTP base endpoint, e.g. `http://collector:4318` (`/v1/traces` is appended); default none. */
  otlpEndpoint?: string | undefined;
  /** A provider to use instead (tests: an in-memory exporter); the caller shuts it down. */
  tracerProvider?: TracerProvider | undefined;
}

export interface Tracing {
  /** The gateway's tracer, or null when nothing is exported. */
  tracer: Tracer | null;
  /** Flushes and shuts down the provider this module created. */
  close(): Promise<void>;
}

const TRACER_NAME = 'grand-livre';
/** How long closing waits for the last spans to reach the collector. */
const SHUTDOWN_FLUSH_MS = 2_000;

export async function createTracing(options: TracingOptions): Promise<Tracing> {
  if (options.tracerProvider) {
    return { tracer: options.tracerProvider.getTracer(TRACER_NAME), close: async () => undefined };
  }
  if (!options.otlpEndpoint) return { tracer: null, close: async () => undefined };
  const [{ BasicTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, resources] = await Promise.all([
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const url = `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
  const provider = new BasicTracerProvider({
    resource: resources
      .defaultResource()
      .merge(resources.resourceFromAttributes({ 'service.name': TRACER_NAME })),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  // Also the process-wide provider, so that other OpenTelemetry-instrumented code joins our traces;
  // a provider registered earlier (the host's own SDK, another gateway) is left in place.
  const registered = trace.setGlobalTracerProvider(provider);
  return {
    tracer: provider.getTracer(TRACER_NAME),
    async close() {
      if (registered) trace.disable();
      // Bounded: an unreachable collector costs the last spans, never a shutdown past its deadline.
      let timer: NodeJS.Timeout | undefined;
      const givenUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_FLUSH_MS)));
      await Promise.race([provider.shutdown().catch(() => undefined), givenUp]);
      clearTimeout(timer);
    },
  };
}

let asyncContextHolders = 0;
let ownContextManager = false;

/**
 * Makes `context.active()` follow async calls (AsyncLocalStorage), for as long as one gateway needs
 * it; returns the release function. A context manager registered by the host is used as it is.
 */
export function holdAsyncContext(): () => void {
  if (asyncContextHolders === 0) {
    const manager = new AsyncLocalStorageContextManager().enable();
    ownContextManager = context.setGlobalContextManager(manager);
    if (!ownContextManager) manager.disable();
  }
  asyncContextHolders += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    asyncContextHolders -= 1;
    if (asyncContextHolders === 0 && ownContextManager) {
      context.disable();
      ownContextManager = false;
    }
  };
}
