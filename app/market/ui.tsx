import { useI18nInstance, type Translator } from '~/i18n/use-t.ts';
import type { ImageRef } from '#domain/media.ts';
import type { ProductUnit } from '#domain/market.ts';
import type { LocaleText } from '#domain/locale-text.ts';
import type { Locale } from '~/i18n/config.ts';
import { formatDate, formatMoney } from '~/i18n/format.ts';
import { ResponsiveImage } from '~/media/responsive-image.tsx';
import { langOf, localized } from '~/tenancy/commune.ts';

export function Money({ minor, currency }: { minor: number; currency: 'VND' | 'THB' }) {
  // Only the language is needed: reading the context skips the translator `useTranslation`
  // builds on every call (a catalogue page shows dozens of prices).
  const i18n = useI18nInstance();
  return <span className="money">{formatMoney(minor, currency, i18n.language as Locale)}</span>;
}

type TFunction = Translator;

/** The OCOP/OTOP badge (callers show it only while the certificate is valid). Takes the page's `t`. */
export function CertBadge({ scheme, stars, t }: { scheme: 'OCOP' | 'OTOP' | null; stars: number | null; t: TFunction }) {
  if (!scheme || !stars) return null;
  return (
    <span className="badge badge-cert" aria-label={t('market:cert.badgeLabel', { scheme, count: stars })}>
      {scheme} {'★'.repeat(stars)}
    </span>
  );
}

export function RatingLine({ sum, count, t }: { sum: number; count: number; t: TFunction }) {
  if (!count) return null;
  const average = Math.round((sum / count) * 10) / 10;
  return <span className="muted">{t('market:rating.average', { average, count })}</span>;
}

export type CardProduct = {
  slug: string;
  title: LocaleText;
  priceMinor: number;
  currency: 'VND' | 'THB';
  unit: ProductUnit;
  stock: number;
  cover: ImageRef | null;
  certScheme?: 'OCOP' | 'OTOP' | null;
  certStars?: number | null;
  certValid?: boolean;
  communeSlug: string;
  communeName?: LocaleText;
  communeLocale?: Locale;
  ratingSum?: number;
  ratingCount?: number;
};

/**
 * One product in a grid. It takes the page's `t` instead of calling `useTranslation` itself: a
 * catalogue page renders dozens of cards, and the hook's per-call cost showed in the profile.
 */
export function ProductCard({ product, fallback, t, locale }: { product: CardProduct; fallback: Locale; t: TFunction; locale: Locale }) {
  const shown = localized(product.title, locale, product.communeLocale ?? fallback);
  const title = shown.text;
  return (
    <li className="product-card">
      {/* A plain link: product pages are reading pages without JavaScript, loaded as documents. */}
      <a href={`/${product.communeSlug}/market/${product.slug}`}>
        {product.cover ? (
          <ResponsiveImage image={product.cover} alt="" sizes="(max-width: 480px) 50vw, 240px" />
        ) : (
          <span className="product-card-blank" aria-hidden="true" />
        )}
        <span className="product-card-title" lang={langOf(shown, locale)}>
          {title}
        </span>
      </a>
      <span className="product-card-price">
        <span className="money">{formatMoney(product.priceMinor, product.currency, locale)}</span>{' '}
        <span className="muted">/ {t(`market:units.${product.unit}`)}</span>
      </span>
      {product.certValid ? <CertBadge scheme={product.certScheme ?? null} stars={product.certStars ?? null} t={t} /> : null}
      {product.communeName ? <span className="muted small">{localized(product.communeName, locale, fallback).text}</span> : null}
      {product.stock <= 0 ? <span className="badge badge-muted">{t('market:product.soldOut')}</span> : null}
      <RatingLine sum={product.ratingSum ?? 0} count={product.ratingCount ?? 0} t={t} />
    </li>
  );
}

/** A waiting payout change in one sentence: who asked and when, the account, and when it takes effect. Takes the page's `t`. */
export function PendingPayoutText({
  change,
  locale,
  timeZone,
  t,
}: {
  change: { requestedBy: string | null; requestedAt: Date | string; account: string; accountName: string; effectiveAt: Date | string };
  locale: Locale;
  timeZone: string;
  t: TFunction;
}) {
  return (
    <p>
      {t('market:payout.pendingBy', {
        name: change.requestedBy ?? t('market:payout.someone'),
        requested: formatDate(change.requestedAt, locale, timeZone, true),
        account: change.account,
        accountName: change.accountName,
        effective: formatDate(change.effectiveAt, locale, timeZone, true),
      })}
    </p>
  );
}
