import { z } from 'zod';
import { PhoneSchema } from '~/auth/schemas.ts';
import { checkbox, localeTextSchema, optionalIsoDay } from '~/lib/schemas.ts';

export const ContactInputSchema = z.object({
  team: z.enum(['officials', 'tech_team'], { error: 'common:validation.invalid' }),
  name: z
    .string({ error: 'handbook:contacts.errors.nameRequired' })
    .trim()
    .min(1, 'handbook:contacts.errors.nameRequired')
    .max(120, 'common:validation.tooLong'),
  role: localeTextSchema(120),
  phone: PhoneSchema,
  zalo: PhoneSchema,
  hours: localeTextSchema(120),
});
export type ContactInput = z.output<typeof ContactInputSchema>;

export const AnnouncementInputSchema = z
  .object({
    title: localeTextSchema(200),
    body: localeTextSchema(4000),
    pinned: checkbox,
    expiresAt: optionalIsoDay('handbook:news.errors.dateInvalid').transform((v, ctx) => {
      if (!v) return null;
      // End of that day in Vietnam and Thailand (both UTC+7), where every commune is today.
      const date = new Date(`${v}T23:59:59+07:00`);
      if (date.getTime() <= Date.now()) {
        ctx.addIssue({ code: 'custom', message: 'handbook:news.errors.expiryPast' });
        return z.NEVER;
      }
      return date;
    }),
  })
  .refine((v) => Boolean(v.title.vi || v.title.en || v.title.th), { message: 'handbook:news.errors.titleRequired', path: ['title.vi'] });
export type AnnouncementInput = z.output<typeof AnnouncementInputSchema>;

export const FeedUrlSchema = z.object({
  url: z
    .string({ error: 'handbook:feeds.errors.urlInvalid' })
    .trim()
    .max(2000, 'handbook:feeds.errors.urlInvalid')
    .refine((v) => {
      try {
        const url = new URL(v);
        return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
      } catch {
        return false;
      }
    }, 'handbook:feeds.errors.urlInvalid'),
});
