/** The signed-in person as request code sees them. */
export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  isOperator: boolean;
  sessionId: string;
};
