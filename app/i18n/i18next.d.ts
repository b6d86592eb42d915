// The English files give the translation keys their types: `t('market:status.placed')` is checked by
// tsc, and a key missing from locales/en is a compile error (vi and th are held to en by a test).
import 'i18next';
import type auth from '../../locales/en/auth.json';
import type common from '../../locales/en/common.json';
import type delivery from '../../locales/en/delivery.json';
import type handbook from '../../locales/en/handbook.json';
import type jobs from '../../locales/en/jobs.json';
import type market from '../../locales/en/market.json';
import type notifications from '../../locales/en/notifications.json';
import type media from '../../locales/en/media.json';
import type payments from '../../locales/en/payments.json';
import type tenancy from '../../locales/en/tenancy.json';
import type tourism from '../../locales/en/tourism.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      auth: typeof auth;
      tenancy: typeof tenancy;
      media: typeof media;
      handbook: typeof handbook;
      market: typeof market;
      payments: typeof payments;
      tourism: typeof tourism;
      delivery: typeof delivery;
      notifications: typeof notifications;
      jobs: typeof jobs;
    };
  }
}
