// The handbook's value lists: plain data, shared by pages and the database schema.

export const PILLARS = ['government', 'economy', 'society'] as const;
export type Pillar = (typeof PILLARS)[number];
