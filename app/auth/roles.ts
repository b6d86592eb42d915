// The list is plain data in domain/ (the database schema reads it too; db/ never imports app code).
export { ROLES, type Role } from '#domain/roles.ts';
