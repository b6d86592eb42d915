/** Per-commune roles. Plain data, so pages can list them without loading the database schema. */
export const ROLES = ['official', 'editor', 'seller'] as const;
export type Role = (typeof ROLES)[number];
