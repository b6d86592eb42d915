import { createContext } from 'react-router';
import type { Database } from '#db/client.ts';
import type { Commune } from '~/tenancy/commune.ts';
import type { SessionUser } from '~/auth/session-user.ts';

/** The process database, put in context by the root middleware. */
export const databaseContext = createContext<Database>();
/** The signed-in person, or null. */
export const userContext = createContext<SessionUser | null>(null);
/** The commune of this request (from the path or a mapped host name), or null on platform pages. */
export const communeContext = createContext<Commune | null>(null);
