/** How many ids one `nodes(ids)` takes: each may cost an upstream lookup. */
export const MAX_NODE_IDS = 100;
