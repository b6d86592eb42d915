import { z } from 'zod';

export const ArticleInputSchema = z.object({
  chapterId: z.string({ error: 'handbook:errors.chapterUnknown' }).uuid('handbook:errors.chapterUnknown'),
  slug: z
    .string({ error: 'handbook:errors.slugInvalid' })
    .trim()
    .toLowerCase()
    .min(2, 'handbook:errors.slugInvalid')
    .max(120, 'handbook:errors.slugInvalid')
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'handbook:errors.slugInvalid'),
  locale: z.enum(['vi', 'en', 'th'], { error: 'common:validation.invalid' }),
  title: z.string({ error: 'handbook:errors.titleRequired' }).trim().min(1, 'handbook:errors.titleRequired').max(200, 'common:validation.tooLong'),
  summary: z.string().trim().max(500, 'common:validation.tooLong').default(''),
  body: z.string({ error: 'handbook:errors.bodyRequired' }).trim().min(1, 'handbook:errors.bodyRequired').max(50_000, 'common:validation.tooLong'),
});
export type ArticleInput = z.output<typeof ArticleInputSchema>;
