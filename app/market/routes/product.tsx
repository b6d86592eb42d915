import { useT } from '~/i18n/use-t.ts';
import type { MessageKey } from '~/i18n/message-key.ts';
import { data, Form, Link, redirect } from 'react-router';
import { requireCommune, scopeOf, viewerCan } from '~/auth/guards.server.ts';
import { formatDay } from '~/i18n/format.ts';
import type { Locale } from '~/i18n/config.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { readForm } from '~/lib/body.server.ts';
import { notFound } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { PhotoGallery } from '~/media/photos.tsx';
import { ResponsiveImage } from '~/media/responsive-image.tsx';
import { langOf, localized } from '~/tenancy/commune.ts';
import { inertJson } from '~/ui/inert-json.ts';
import type { RouteHandle } from '~/ui/route-handle.ts';
import { cartCookieHeader, MAX_CART_LINES, readCart } from '../cart.server.ts';
import { certValid, getProductForCart, getPublishedProduct } from '../products.server.ts';
import { MAX_QUANTITY } from '../schemas.ts';
import { CertBadge, Money, RatingLine } from '../ui.tsx';
import type { Route } from './+types/product';
import { linkOrigin } from '~/lib/env.server.ts';
import { pageMeta } from '~/ui/meta.ts';

export const handle: RouteHandle = { hydrate: false };

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const commune = requireCommune(context);
  const locale = getLocale(context) as Locale;
  const page = await getPublishedProduct({ ...scopeOf(context), tenantId: commune.id }, params.slug);
  if (!page) notFound();
  const { product, seller, others, reviews } = page;
  const title = localized(product.title, locale, commune.defaultLocale);
  const description = localized(product.description, locale, commune.defaultLocale);
  const valid = certValid(product);
  // Absolute links in structured data never come from the client's Host header (PUBLIC_URL).
  const origin = linkOrigin(request) ?? '';
  const { t } = getI18n(context);
  const rating = product.ratingCount
    ? { '@type': 'AggregateRating', ratingValue: (product.ratingSum / product.ratingCount).toFixed(1), reviewCount: product.ratingCount }
    : undefined;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: title.text,
    description: description.text || undefined,
    sku: product.id,
    category: t(`market:categories.${product.category}`),
    image: product.photos.map((p) => `${origin}/media/${p.variants[p.variants.length - 1]?.key}`),
    brand: { '@type': 'Brand', name: seller.name },
    ...(rating ? { aggregateRating: rating } : {}),
    offers: {
      '@type': 'Offer',
      url: `${origin}/${commune.slug}/market/${product.slug}`,
      priceCurrency: product.currency,
      price: product.currency === 'THB' ? (product.priceMinor / 100).toFixed(2) : String(product.priceMinor),
      availability: product.stock > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      seller: { '@type': seller.isCooperative ? 'Organization' : 'Person', name: seller.name },
    },
  };
  return {
    communeSlug: commune.slug,
    communeName: localized(commune.name, locale, commune.defaultLocale).text,
    defaultLocale: commune.defaultLocale,
    canEdit: await viewerCan(context, 'shop.assist'),
    product: {
      id: product.id,
      slug: product.slug,
      title: title.text,
      fellBack: title.fellBack || description.fellBack,
      description: description.text,
      // Each text's language where it is not the page's (a Thai reader shown the English).
      lang: { title: langOf(title, locale), description: langOf(description, locale) },
      season: localized(product.season, locale, commune.defaultLocale).text,
      category: product.category,
      priceMinor: product.priceMinor,
      currency: product.currency,
      unit: product.unit,
      stock: product.stock,
      weightGrams: product.weightGrams,
      photos: product.photos,
      cert: valid
        ? {
            scheme: product.certScheme,
            stars: product.certStars,
            number: product.certNumber,
            authority: product.certAuthority,
            expiresOn: product.certExpiresOn,
          }
        : null,
      ratingSum: product.ratingSum,
      ratingCount: product.ratingCount,
    },
    seller: { ...seller, story: localized(seller.story, locale, commune.defaultLocale).text },
    others: others.map((o) => ({ ...o, title: localized(o.title, locale, commune.defaultLocale).text, cover: o.photos[0] ?? null })),
    reviews,
    jsonLd: inertJson(jsonLd),
  };
}

/** Why the buy box refused, shown under the quantity with how many are left. */
function refusal(error: MessageKey, available: number, status: number) {
  return data({ error, available }, { status });
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const commune = requireCommune(context);
  const product = await getProductForCart({ ...scopeOf(context), tenantId: commune.id }, params.slug);
  if (!product) notFound();
  const { form, failure } = await readForm(request);
  if (failure) return refusal(Object.values(failure.errors)[0]!, product.stock, 400);
  // A number is all that is read here: "10000" is a number, and "only 30 left" says more about it.
  const typed = String(form.get('quantity') ?? '1').trim();
  const quantity = /^\d{1,6}$/.test(typed) ? Number(typed) : 0;
  if (quantity < 1) return refusal('market:errors.quantity', product.stock, 400);
  const lines = await readCart(request);
  const existing = lines.find((l) => l.productId === product.id);
  const wanted = quantity + (existing?.quantity ?? 0);
  if (product.stock <= 0) return refusal('market:cart.soldOut', 0, 409);
  if (wanted > product.stock) return refusal('market:cart.notEnough', product.stock, 409);
  // The cart holds at most MAX_QUANTITY of a product: more would be dropped from it unseen.
  if (wanted > MAX_QUANTITY) return refusal('market:errors.quantity', product.stock, 400);
  if (!existing && lines.length >= MAX_CART_LINES) return refusal('market:cart.full', product.stock, 409);
  const next = existing
    ? lines.map((l) => (l === existing ? { ...l, quantity: wanted, seenPrice: product.priceMinor } : l))
    : [...lines, { tenantId: commune.id, productId: product.id, quantity, seenPrice: product.priceMinor }];
  const headers = { 'Set-Cookie': await cartCookieHeader(next) };
  if (form.get('intent') === 'buy') throw redirect('/cart', { headers });
  return redirectWithFlash(`/${commune.slug}/market/${product.slug}`, { key: 'market:cart.added', tone: 'success' }, { headers });
}

export const meta: Route.MetaFunction = (args) => {
  const { loaderData } = args;
  return loaderData
    ? [
        ...pageMeta(args, {
          title: `${loaderData.product.title} · ${loaderData.communeName} · Baan`,
          description: loaderData.product.description.slice(0, 160),
        }),
        { property: 'og:title', content: loaderData.product.title },
      ]
    : [];
};

export default function ProductPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useT();
  const locale = i18n.language as Locale;
  const { product: p, seller, communeSlug } = loaderData;
  return (
    <article className="stack product-page">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: loaderData.jsonLd }} />
      <p className="muted">
        <Link to={`/${communeSlug}/market`}>{t('market:catalogue.back', { name: loaderData.communeName })}</Link>
      </p>
      <PhotoGallery photos={p.photos} alt={p.title} otherAlt={t('market:product.morePhotos')} />
      <header>
        <h1 lang={p.lang.title}>{p.title}</h1>
        {p.fellBack ? <p className="notice">{t('market:product.fallback')}</p> : null}
        <p className="price-line">
          <Money minor={p.priceMinor} currency={p.currency} /> <span className="muted">/ {t(`market:units.${p.unit}`)}</span>
        </p>
        {p.cert ? (
          <p>
            <CertBadge scheme={p.cert.scheme} stars={p.cert.stars} t={t} />{' '}
            <span className="muted small">
              {t('market:cert.details', {
                number: p.cert.number ?? '',
                authority: p.cert.authority ?? '',
                date: p.cert.expiresOn ? formatDay(p.cert.expiresOn, locale) : '',
              })}
            </span>
          </p>
        ) : null}
        <RatingLine sum={p.ratingSum} count={p.ratingCount} t={t} />
      </header>
      <Form method="post" className="card stack buy-box" noValidate>
        {p.stock > 0 ? (
          <>
            <p className="muted">{t('market:product.inStock', { count: p.stock })}</p>
            <div className="field field-inline">
              <label htmlFor="quantity">{t('market:product.quantity')}</label>
              <input id="quantity" name="quantity" type="number" inputMode="numeric" min={1} max={p.stock} defaultValue="1" />
            </div>
            {actionData?.error ? (
              <p className="form-error" role="alert">
                {t(actionData.error, { count: actionData.available })}
              </p>
            ) : null}
            <div className="actions">
              <button type="submit" name="intent" value="add" className="button">
                {t('market:product.addToCart')}
              </button>
              <button type="submit" name="intent" value="buy" className="button button-secondary">
                {t('market:product.buyNow')}
              </button>
            </div>
          </>
        ) : (
          <p className="notice">{t('market:product.soldOut')}</p>
        )}
      </Form>
      {p.description ? (
        <div className="pre-line" lang={p.lang.description}>
          {p.description}
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t('market:product.category')}</dt>
        <dd>{t(`market:categories.${p.category}`)}</dd>
        {p.weightGrams ? (
          <>
            <dt>{t('market:product.weight')}</dt>
            <dd>{t('market:product.grams', { count: p.weightGrams })}</dd>
          </>
        ) : null}
        {p.season ? (
          <>
            <dt>{t('market:product.season')}</dt>
            <dd>{p.season}</dd>
          </>
        ) : null}
      </dl>
      <section className="card seller-card" aria-labelledby="seller-title">
        <h2 id="seller-title">{seller.name}</h2>
        {seller.photo ? <ResponsiveImage image={seller.photo} alt="" sizes="96px" /> : null}
        <p className="muted">{[seller.isCooperative ? t('market:seller.cooperative') : null, seller.hamlet].filter(Boolean).join(' · ')}</p>
        {seller.story ? <p className="pre-line">{seller.story}</p> : null}
        <RatingLine sum={seller.ratingSum} count={seller.ratingCount} t={t} />
        <p className="actions">
          {seller.phone ? <a href={`tel:${seller.phone.replace(/[^+\d]/g, '')}`}>{t('market:seller.call', { phone: seller.phone })}</a> : null}
          {seller.zalo ? (
            <a href={`https://zalo.me/${seller.zalo.replace(/[^\d]/g, '')}`} rel="noopener nofollow">
              Zalo
            </a>
          ) : null}
        </p>
      </section>
      {loaderData.others.length ? (
        <section aria-labelledby="others-title">
          <h2 id="others-title">{t('market:product.others', { name: seller.name })}</h2>
          <ul className="link-list">
            {loaderData.others.map((o) => (
              <li key={o.id}>
                <Link to={`/${communeSlug}/market/${o.slug}`}>{o.title}</Link> — <Money minor={o.priceMinor} currency={o.currency} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {loaderData.reviews.length ? (
        <section aria-labelledby="reviews-title">
          <h2 id="reviews-title">{t('market:rating.reviews')}</h2>
          <ul className="link-list">
            {loaderData.reviews.map((r, i) => (
              <li key={i}>
                <span aria-label={t('market:rating.stars', { count: r.rating })}>{'★'.repeat(r.rating)}</span> {r.comment}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {loaderData.canEdit ? (
        <p>
          <Link to={`/${communeSlug}/market/products/${p.id}/edit`}>{t('market:product.edit')}</Link>
        </p>
      ) : null}
    </article>
  );
}
