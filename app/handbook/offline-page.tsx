import { useT } from '~/i18n/use-t.ts';

/**
 * The words of the offline page (and the script that registers the service worker), in the reader's language, carried inert in a <template>.
 * offline.js hands them to the service worker, which shows them for a page never saved.
 */
export function OfflinePage() {
  const { t } = useT();
  return (
    <>
      <template data-offline-page="">
        <h1>{t('handbook:offline.pageTitle')}</h1>
        <p>{t('handbook:offline.pageText')}</p>
      </template>
      <script src="/offline.js" defer />
    </>
  );
}
