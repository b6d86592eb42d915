import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { places, tourismEvents } from '#db/schema/index.ts';
import type { LocaleText } from '#db/schema/tenancy.ts';
import { withTenant, type CommuneScope } from '#db/scope.ts';
import type { PermittedScope } from '~/auth/permissions.ts';
import { slugify } from '#db/text.ts';
import { AppError } from '~/lib/errors.ts';
import { addDays } from '~/lib/dates.ts';
import { shortSuffix } from '~/lib/slugs.server.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import type { EventInput } from './schemas.ts';

export type EventRow = {
  id: string;
  slug: string;
  title: LocaleText;
  description: LocaleText;
  startsOn: string;
  endsOn: string;
  startTime: string | null;
  sequence: number;
  updatedAt: Date;
  placeId: string | null;
  placeSlug: string | null;
  placeName: LocaleText | null;
  lat: number | null;
  lon: number | null;
};

/** Events that have not ended (from `fromDay`), soonest first; `placeId` narrows to one place. */
export async function listEvents(scope: CommuneScope, fromDay: string | null, limit = 200, placeId?: string): Promise<EventRow[]> {
  return withTenant(scope, (tx) =>
    tx
      .select({
        id: tourismEvents.id,
        slug: tourismEvents.slug,
        title: tourismEvents.title,
        description: tourismEvents.description,
        startsOn: tourismEvents.startsOn,
        endsOn: tourismEvents.endsOn,
        startTime: tourismEvents.startTime,
        sequence: tourismEvents.sequence,
        updatedAt: tourismEvents.updatedAt,
        placeId: tourismEvents.placeId,
        placeSlug: places.slug,
        placeName: places.name,
        lat: places.lat,
        lon: places.lon,
      })
      .from(tourismEvents)
      .leftJoin(places, and(eq(places.tenantId, tourismEvents.tenantId), eq(places.id, tourismEvents.placeId), eq(places.published, true)))
      .where(
        and(
          eq(tourismEvents.tenantId, scope.tenantId),
          eq(tourismEvents.published, true),
          fromDay ? gte(tourismEvents.endsOn, fromDay) : undefined,
          placeId ? eq(tourismEvents.placeId, placeId) : undefined,
        ),
      )
      .orderBy(asc(tourismEvents.startsOn), asc(tourismEvents.id))
      .limit(limit),
  );
}

export async function saveEvent(scope: PermittedScope<'event.manage'>, existingId: string | null, input: EventInput): Promise<string> {
  return withTenant(scope, async (tx) => {
    if (input.placeId) {
      const [place] = await tx
        .select({ id: places.id })
        .from(places)
        .where(and(eq(places.tenantId, scope.tenantId), eq(places.id, input.placeId)));
      if (!place) throw new AppError('invalid', 'tourism:errors.placeUnknown', { field: 'placeId' });
    }
    const values = {
      title: input.title,
      description: input.description,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      startTime: input.startTime,
      placeId: input.placeId,
      updatedAt: new Date(),
    };
    if (existingId) {
      const [row] = await tx
        .update(tourismEvents)
        .set({ ...values, sequence: sql`${tourismEvents.sequence} + 1` })
        .where(and(eq(tourismEvents.tenantId, scope.tenantId), eq(tourismEvents.id, existingId)))
        .returning({ id: tourismEvents.id });
      if (!row) throw new AppError('not_found', 'common:errors.notFound');
      await recordEvent(tx, scope.tenantId, 'event.updated', { eventId: existingId }, scope.userId);
      return existingId;
    }
    const slug = `${slugify(input.title.vi ?? input.title.en ?? '', 'le-hoi')}-${input.startsOn.slice(0, 4)}-${shortSuffix()}`;
    const [row] = await tx
      .insert(tourismEvents)
      .values({ tenantId: scope.tenantId, slug, ...values })
      .returning({ id: tourismEvents.id });
    await recordEvent(tx, scope.tenantId, 'event.published', { eventId: row!.id, slug }, scope.userId);
    return row!.id;
  });
}

export async function deleteEvent(scope: PermittedScope<'event.manage'>, id: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    const rows = await tx
      .delete(tourismEvents)
      .where(and(eq(tourismEvents.tenantId, scope.tenantId), eq(tourismEvents.id, id)))
      .returning({ id: tourismEvents.id });
    if (!rows.length) throw new AppError('not_found', 'common:errors.notFound');
    await recordEvent(tx, scope.tenantId, 'event.deleted', { eventId: id }, scope.userId);
  });
}

// ——— iCalendar (RFC 5545) ———

function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8), never inside a character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = encoder.encode(char).byteLength;
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const compactDay = (day: string) => day.replace(/-/g, '');
const utcStamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The UTC instant of a local day and time in a time zone without DST (Vietnam and Thailand). */
export function localToUtc(day: string, time: string, timeZone: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(guess);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const shown = new Date(`${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:00Z`);
  return new Date(guess.getTime() - (shown.getTime() - guess.getTime()));
}

/** A calendar a phone subscribes to: every upcoming event of the commune, in the reader's language. */
export function toICalendar(input: {
  communeName: string;
  origin: string;
  communeSlug: string;
  timeZone: string;
  events: (EventRow & { titleText: string; descriptionText: string; placeText: string | null })[];
}): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Baan//Tourism events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.communeName)}`,
    `X-WR-TIMEZONE:${input.timeZone}`,
  ];
  for (const event of input.events) {
    lines.push('BEGIN:VEVENT', `UID:${event.id}@baan`, `DTSTAMP:${utcStamp(event.updatedAt)}`, `SEQUENCE:${event.sequence}`);
    if (event.startTime) {
      const start = localToUtc(event.startsOn, event.startTime, input.timeZone);
      const end = event.endsOn === event.startsOn ? new Date(start.getTime() + 3 * 3600_000) : localToUtc(event.endsOn, '23:59', input.timeZone);
      lines.push(`DTSTART:${utcStamp(start)}`, `DTEND:${utcStamp(end)}`);
    } else {
      lines.push(`DTSTART;VALUE=DATE:${compactDay(event.startsOn)}`, `DTEND;VALUE=DATE:${compactDay(addDays(event.endsOn, 1))}`);
    }
    lines.push(`SUMMARY:${escapeText(event.titleText)}`);
    if (event.descriptionText) lines.push(`DESCRIPTION:${escapeText(event.descriptionText)}`);
    if (event.placeText) lines.push(`LOCATION:${escapeText(event.placeText)}`);
    if (event.lat !== null && event.lon !== null) lines.push(`GEO:${event.lat.toFixed(6)};${event.lon.toFixed(6)}`);
    lines.push(`URL:${input.origin}/${input.communeSlug}/events#${event.slug}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
