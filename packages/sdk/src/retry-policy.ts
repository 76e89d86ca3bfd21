/**
 * When the SDK may send a request again. A query is always safe to repeat; a mutation only when it
 * carries an `idempotencyKey`, since the gateway then returns the first outcome instead of acting twice
 * (a lost answer may hide a committed write). Only network failures are retried: a GraphQL error is
 * an answer, and repeating the call would get the same one.
 */
import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';

/** Error codes of connections refused, reset, cut or timed out (Node's and undici's). */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** HTTP answers of a proxy or load balancer in front of an unreachable gateway. */
export const RETRYABLE_HTTP_STATUSES = new Set([502, 503, 504]);

/** True for a failure to reach or hear from the gateway, looking through `cause` chains. */
export function isNetworkError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The operation a request runs: the one named `operationName`, or the document's only one. */
export function operationOf(document: DocumentNode, operationName?: string): OperationDefinitionNode {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const found = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!found || (!operationName && operations.length > 1))
    throw new TypeError(
      operationName ? `No operation named ${operationName}.` : 'Pass operationName: several operations.',
    );
  return found;
}

const hasKeyValue = (value: unknown, depth = 0): boolean => {
  if (depth > 4 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, inner]) =>
    key === 'idempotencyKey' ? typeof inner === 'string' && inner.length > 0 : hasKeyValue(inner, depth + 1),
  );
};

const isKeyValue = (node: ValueNode, variables: Record<string, unknown>): boolean =>
  node.kind === Kind.STRING
    ? node.value.length > 0
    : node.kind === Kind.VARIABLE && typeof variables[node.name.value] === 'string';

const literalHasKey = (node: ValueNode, variables: Record<string, unknown>): boolean =>
  node.kind === Kind.OBJECT
    ? node.fields.some((f) =>
        f.name.value === 'idempotencyKey'
          ? isKeyValue(f.value, variables)
          : literalHasKey(f.value, variables),
      )
    : node.kind === Kind.LIST && node.values.some((v) => literalHasKey(v, variables));

/** True when the operation can be sent again without acting twice. */
export function isSafeToRetry(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): boolean {
  if (operation.operation === OperationTypeNode.QUERY) return true;
  if (operation.operation !== OperationTypeNode.MUTATION) return false;
  if (hasKeyValue(variables)) return true;
  // A key written in the document itself (`input: { idempotencyKey: "…" }`) protects it as well.
  return operation.selectionSet.selections.some(
    (s) => s.kind === Kind.FIELD && (s.arguments ?? []).some((a) => literalHasKey(a.value, variables)),
  );
}

/** Backoff before retry `attempt` (1-based): full jitter over `baseMs * 2^(attempt-1)`, capped. */
export function backoffDelayMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}
