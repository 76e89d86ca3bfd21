/**
 * MAD movement ids do not say which entry they belong to, and only `/mad/entry?id=` finds a single
 * movement (through its entry): so a movement's native id carries its entry's, `<movement>@<entry>`.
 */
const MOVEMENT_ID = /^(\d{1,18})@(\d{1,18})$/;

export const movementNativeId = (movementId: string, entryId: string): string => `${movementId}@${entryId}`;

/** The MAD movement and entry ids of a native id, or null when it is not one of ours. */
export function parseMovementNativeId(id: string): { movementId: string; entryId: string } | null {
  const match = MOVEMENT_ID.exec(id);
  return match ? { movementId: match[1]!, entryId: match[2]! } : null;
}
