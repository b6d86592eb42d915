import { mediaStorage } from '../media.server.ts';
import type { Route } from './+types/media-file';

/** Serves stored image variants. Names are random and never reused, so they cache forever. */
export async function loader({ params }: Route.LoaderArgs) {
  const file = await mediaStorage().get(params['*'] ?? '');
  if (!file) return new Response(null, { status: 404 });
  return new Response(file.body, {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(file.size),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
