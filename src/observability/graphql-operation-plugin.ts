/**
 * One Apollo plugin per gateway that observes each GraphQL operation once it is answered: one log
 * line (request id and tenant come from the request logger; written with the status sent, by
 * operation-log.ts), the request counter and latency
 * histogram, and the operation span's name and attributes. It logs names, codes and timings only —
 * never variables or response data, which hold amounts and personal data.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { SpanKind, SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api';
import type { GraphQLFormattedError } from 'graphql';
import type { RequestContext } from '../context';
import type { GatewayMetrics } from './gateway-metrics';
import type { OperationLabels } from './operation-labels';
import type { OperationLog } from './operation-log';
import { currentRequestScope } from './request-scope';

/** success: no error; partial: data and errors; error: no data; rejected: refused before executing. */
export type OperationOutcome = 'success' | 'partial' | 'error' | 'rejected';

export interface OperationPluginDeps {
  metrics: GatewayMetrics;
  labels: OperationLabels;
  tracer: Tracer | null;
  /** Holds each operation's line until its response is sent (the access log then skips the request). */
  operationLog: OperationLog;
}

function outcomeOf(errors: readonly GraphQLFormattedError[] | undefined, data: unknown): OperationOutcome {
  if (!errors?.length) return 'success';
  if (data === undefined) return 'rejected';
  return data === null ? 'error' : 'partial';
}

const errorCodes = (errors: readonly GraphQLFormattedError[]) => [
  ...new Set(
    errors.map((error) => {
      const code = error.extensions?.code;
      return typeof code === 'string' ? code : 'UNKNOWN';
    }),
  ),
];

export function graphqlOperationPlugin(deps: OperationPluginDeps): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      const scope = currentRequestScope();
      // A batch's span holds one child span per operation; otherwise the request span is the operation's.
      const ownSpan =
        scope?.batch && deps.tracer ? deps.tracer.startSpan('graphql', { kind: SpanKind.INTERNAL }) : null;
      const span: Span | null = ownSpan ?? scope?.span ?? null;
      return {
        async didResolveOperation({ operationName, operation }) {
          span?.updateName(`graphql.${operationName ?? 'anonymous'}`);
          span?.setAttributes({
            'graphql.operation.type': operation?.operation ?? 'unknown',
            'graphql.operation.name': operationName ?? '',
          });
        },
        async willSendResponse({ contextValue, response, operationName, operation }) {
          const seconds = (performance.now() - started) / 1000;
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const outcome = outcomeOf(result?.errors, result?.data);
          const label = deps.labels.label(operationName);
          deps.metrics.graphqlRequests.inc({ operation: label, outcome });
          deps.metrics.graphqlDuration.observe({ operation: label, outcome }, seconds);
          deps.operationLog.hold(
            contextValue.logger,
            {
              operationName: operationName ?? null,
              operationType: operation?.operation ?? null,
              outcome,
              durationMs: Math.round(seconds * 1000),
              ...(result?.errors?.length ? { errorCodes: errorCodes(result.errors) } : {}),
            },
            response.http.status ?? 200,
            contextValue.signal,
          );
          if (!span) return;
          span.setAttributes({
            'grand_livre.tenant': contextValue.tenant.id,
            'grand_livre.outcome': outcome,
          });
          if (outcome === 'error' || outcome === 'rejected')
            span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
          ownSpan?.end();
        },
      };
    },
  };
}
