import { data, Form, Link } from 'react-router';
import { z } from 'zod';
import { JOB_STATES } from '#domain/jobs.ts';
import { requirePlatformPermission } from '~/auth/guards.server.ts';
import { formatDate } from '~/i18n/format.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { useT } from '~/i18n/use-t.ts';
import { jobsOverview, outboxFailuresOverview, retryJob } from '~/jobs/admin.server.ts';
import { readForm } from '~/lib/body.server.ts';
import { MAX_EVENT_ATTEMPTS, replayParked } from '~/outbox/relay.server.ts';
import { databaseContext } from '~/lib/context.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { parseForm } from '~/lib/forms.ts';
import { FormError, SubmitButton } from '~/ui/form.tsx';
import { ScrollTable } from '~/ui/scroll-table.tsx';
import type { Route } from './+types/jobs';
import { pageMeta } from '~/ui/meta.ts';

const PageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

/** The job queue for the operator: counts by state and kind, the failed and dead jobs with their errors. */
export async function loader({ context, request }: Route.LoaderArgs) {
  requirePlatformPermission({ context, request }, 'jobs.view');
  const page = PageSchema.parse(new URL(request.url).searchParams.get('page') ?? 1);
  const { db } = context.get(databaseContext);
  const [overview, outbox] = [await jobsOverview(db, page), await outboxFailuresOverview(db)];
  const locale = getLocale(context);
  return {
    title: getI18n(context).t('jobs:title'),
    ...overview,
    problems: overview.problems.map((p) => ({ ...p, runAt: formatDate(p.runAt, locale, 'UTC', true) })),
    maxEventAttempts: MAX_EVENT_ATTEMPTS,
    outbox: outbox.map((f) => ({ ...f, nextAttemptAt: formatDate(f.nextAttemptAt, locale, 'UTC', true) })),
  };
}

const ActionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('retry'), id: z.uuid({ error: 'jobs:errors.unknownJob' }) }),
    z.object({
      intent: z.literal('replay'),
      communeId: z.uuid({ error: 'jobs:errors.unknownEvent' }),
      consumer: z.string().min(1).max(100),
      eventId: z.uuid({ error: 'jobs:errors.unknownEvent' }),
    }),
  ],
  { error: 'jobs:errors.unknownJob' },
);

/** Retry: a failed or dead job goes back to the queue, due now. Replay: a parked outbox event goes to its consumer again. */
export async function action({ context, request }: Route.ActionArgs) {
  requirePlatformPermission({ context, request }, 'jobs.retry');
  const { form, failure } = await readForm(request, 4 * 1024);
  if (failure) return data(failure, { status: 400 });
  // A form without `intent` (a page loaded before the replay button existed) is a retry.
  if (!form.has('intent')) form.set('intent', 'retry');
  const parsed = parseForm(form, ActionSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const { db } = context.get(databaseContext);
  const back = new URL(request.url).pathname + new URL(request.url).search;
  if (parsed.data.intent === 'replay') {
    const { communeId, consumer, eventId } = parsed.data;
    if (!(await replayParked(db, communeId, consumer, eventId)))
      return data({ ok: false as const, errors: { _form: 'jobs:errors.unknownEvent' as const }, values: {} }, { status: 400 });
    return redirectWithFlash(back, { key: 'jobs:outbox.replayed', tone: 'success' });
  }
  if (!(await retryJob(db, parsed.data.id)))
    return data({ ok: false as const, errors: { _form: 'jobs:errors.unknownJob' as const }, values: {} }, { status: 400 });
  return redirectWithFlash(back, { key: 'jobs:retried', tone: 'success' });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function Jobs({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  return (
    <div className="stack">
      <h1>{t('jobs:title')}</h1>
      <p className="muted">{t('jobs:lead')}</p>
      <FormError errors={actionData?.errors} />

      <section aria-labelledby="jobs-counts">
        <h2 id="jobs-counts">{t('jobs:counts')}</h2>
        {d.kinds.length === 0 ? (
          <p className="muted">{t('jobs:empty')}</p>
        ) : (
          <ScrollTable labelledBy="jobs-counts">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('jobs:kind')}</th>
                  {JOB_STATES.map((state) => (
                    <th scope="col" key={state}>
                      {t(`jobs:states.${state}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.kinds.map((kind) => (
                  <tr key={kind.name}>
                    <th scope="row">
                      <code>{kind.name}</code>
                    </th>
                    {JOB_STATES.map((state) => (
                      <td key={state}>{kind.counts[state]}</td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('jobs:total')}</th>
                  {JOB_STATES.map((state) => (
                    <td key={state}>{d.totals[state]}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>

      <section aria-labelledby="jobs-problems">
        <h2 id="jobs-problems">{t('jobs:problems')}</h2>
        {d.problems.length === 0 ? (
          <p className="muted">{t('jobs:noProblems')}</p>
        ) : (
          <ul className="stack" aria-label={t('jobs:problems')}>
            {d.problems.map((job) => (
              <li key={job.id} className="card stack">
                <p>
                  <code>{job.name}</code> · <span className="badge">{t(`jobs:states.${job.state}`)}</span>
                </p>
                <dl>
                  <dt>{t('jobs:commune')}</dt>
                  <dd>{job.commune ?? t('jobs:platform')}</dd>
                  <dt>{t('jobs:attempts')}</dt>
                  <dd>{t('jobs:attemptsOf', { attempts: job.attempts, max: job.maxAttempts })}</dd>
                  <dt>{t('jobs:runAt')}</dt>
                  <dd>{job.runAt}</dd>
                  <dt>{t('jobs:lastError')}</dt>
                  <dd>
                    <code>{job.lastError ?? '—'}</code>
                  </dd>
                </dl>
                <Form method="post">
                  <input type="hidden" name="intent" value="retry" />
                  <input type="hidden" name="id" value={job.id} />
                  <SubmitButton>{t('jobs:retry')}</SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <nav aria-label={t('jobs:pages')}>
          {d.page > 1 ? <Link to={`?page=${d.page - 1}`}>{t('jobs:previous')}</Link> : null}
          {d.page > 1 && d.hasMore ? ' · ' : null}
          {d.hasMore ? <Link to={`?page=${d.page + 1}`}>{t('jobs:next')}</Link> : null}
        </nav>
      </section>

      <section aria-labelledby="jobs-outbox">
        <h2 id="jobs-outbox">{t('jobs:outbox.title')}</h2>
        <p className="muted">{t('jobs:outbox.lead')}</p>
        {d.outbox.length === 0 ? (
          <p className="muted">{t('jobs:outbox.none')}</p>
        ) : (
          <ul className="stack" aria-label={t('jobs:outbox.title')}>
            {d.outbox.map((f) => (
              <li key={`${f.commune}:${f.consumer}:${f.seq}`} className="card">
                <p>
                  <code>{f.consumer}</code> · {f.commune} · #{f.seq} ·{' '}
                  <span className="badge">{f.parked ? t('jobs:outbox.parked') : t('jobs:outbox.waiting', { when: f.nextAttemptAt })}</span>
                </p>
                <p>
                  {t('jobs:attemptsOf', { attempts: f.attempts, max: d.maxEventAttempts })} · <code>{f.lastError}</code>
                </p>
                {f.parked ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="replay" />
                    <input type="hidden" name="communeId" value={f.communeId} />
                    <input type="hidden" name="consumer" value={f.consumer} />
                    <input type="hidden" name="eventId" value={f.eventId} />
                    <SubmitButton>{t('jobs:outbox.replay')}</SubmitButton>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
