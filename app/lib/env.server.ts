import path from 'node:path';

/** Configuration read from the environment once; every setting has a safe local default. */
export const env = {
  get databaseUrl() {
    return process.env.DATABASE_URL || undefined;
  },
  get dataDir() {
    return path.resolve(process.env.DATA_DIR ?? '.data');
  },
  get pgliteDir() {
    return process.env.PGLITE_DIR ?? path.join(this.dataDir, 'pglite');
  },
  /** A MapLibre style URL for the basemap; empty means the bundled offline style. */
  get mapStyleUrl(): string | null {
    const value = process.env.MAP_STYLE_URL?.trim();
    return value && /^https?:\/\//.test(value) ? value : null;
  },
  get isProduction() {
    return process.env.NODE_ENV === 'production';
  },
};
