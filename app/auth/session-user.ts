/** The signed-in person as request code sees them. */
export type SessionUser = {
  id: string;
  /** Null for a phone-only account. */
  email: string | null;
  /** E.164; null for an e-mail-only account. */
  phone: string | null;
  displayName: string;
  isOperator: boolean;
  sessionId: string;
};
