// Moved to domain/text.ts (pure functions the browser shares); kept so db/ and its seeds import it as before.
export * from '../domain/text.ts';
