import { z } from 'zod';
import { checkbox, optionalUuid, uuid } from '~/lib/schemas.ts';

/**
 * A revision number sent back by a form (the one an editor started from, one to restore): a whole
 * number a revision can have (Postgres integer), else null. Number() alone lets 1e24 through to
 * the query, which fails there (a 500, found by the fuzzer).
 */
export function revisionNumber(value: FormDataEntryValue | null): number | null {
  const parsed = RevisionNumberSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
const RevisionNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(2_147_483_647));

export const ArticleInputSchema = z.object({
  chapterId: uuid('handbook:errors.chapterUnknown'),
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

export const MAX_CHECKLIST_STEPS = 30;

const checklistStep = z
  .object({
    id: optionalUuid(),
    title: z
      .string()
      .trim()
      .max(200, 'common:validation.tooLong')
      .optional()
      .transform((v) => v || undefined),
    detail: z
      .string()
      .trim()
      .max(1000, 'common:validation.tooLong')
      .optional()
      .transform((v) => v || undefined),
    linkUrl: z
      .string()
      .trim()
      .max(500, 'common:validation.tooLong')
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || /^https:\/\/[^\s]+\.[^\s]+$/.test(v), 'handbook:checklist.errors.link'),
    linkLabel: z
      .string()
      .trim()
      .max(80, 'common:validation.tooLong')
      .optional()
      .transform((v) => v || undefined),
    position: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? Number(v) : undefined))
      .refine((v) => v === undefined || (Number.isInteger(v) && v >= 0 && v <= 999), 'handbook:checklist.errors.position'),
    remove: checkbox,
  })
  .superRefine((step, ctx) => {
    if (!step.id && !step.title && (step.detail || step.linkUrl || step.linkLabel))
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'handbook:checklist.errors.stepTitle' });
  });

export const ChecklistInputSchema = z
  .object({
    title: z
      .string()
      .trim()
      .max(200, 'common:validation.tooLong')
      .optional()
      .transform((v) => v || undefined),
    steps: z.array(checklistStep).max(MAX_CHECKLIST_STEPS + 5, 'handbook:checklist.errors.tooMany'),
  })
  // Rows the form adds empty, and rows being removed, do not count.
  .refine((v) => v.steps.filter((s) => !s.remove && (s.id || s.title)).length <= MAX_CHECKLIST_STEPS, { message: 'handbook:checklist.errors.tooMany' });
export type ChecklistInput = z.output<typeof ChecklistInputSchema>;

/** Form fields `step.3.title`, … into `{ steps: [{ title }, …] }` in row order. */
export function nestChecklistFields(raw: Record<string, unknown>): Record<string, unknown> {
  const rows = new Map<number, Record<string, unknown>>();
  for (const [key, value] of Object.entries(raw)) {
    const m = /^step\.(\d{1,2})\.(id|title|detail|linkUrl|linkLabel|position|remove)$/.exec(key);
    if (!m) continue;
    const index = Number(m[1]);
    rows.set(index, { ...(rows.get(index) ?? {}), [m[2]!]: value });
  }
  return { title: raw.title, steps: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row) };
}
