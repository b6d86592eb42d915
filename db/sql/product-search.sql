-- The catalogue index (product_search): a row per published product, kept in step with `products`.
CREATE OR REPLACE FUNCTION baan_product_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'published' THEN
    INSERT INTO product_search (tenant_id, product_id, search_text, title_text, category, price_minor, currency, stock, cert_stars, cert_expires_on, published_at)
    VALUES (
      NEW.tenant_id, NEW.id, NEW.search_text,
      lower(baan_unaccent(concat_ws(' | ', NEW.title ->> 'vi', NEW.title ->> 'en', NEW.title ->> 'th'))),
      NEW.category, NEW.price_minor, NEW.currency, NEW.stock, NEW.cert_stars, NEW.cert_expires_on,
      coalesce(NEW.published_at, now())
    )
    ON CONFLICT (tenant_id, product_id) DO UPDATE SET
      search_text = EXCLUDED.search_text, title_text = EXCLUDED.title_text, category = EXCLUDED.category,
      price_minor = EXCLUDED.price_minor, currency = EXCLUDED.currency, stock = EXCLUDED.stock,
      cert_stars = EXCLUDED.cert_stars, cert_expires_on = EXCLUDED.cert_expires_on, published_at = EXCLUDED.published_at;
  ELSIF TG_OP = 'UPDATE' AND OLD.status = 'published' THEN
    DELETE FROM product_search WHERE tenant_id = NEW.tenant_id AND product_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER products_search_sync AFTER INSERT OR UPDATE ON products
  FOR EACH ROW EXECUTE FUNCTION baan_product_search_sync();
GRANT EXECUTE ON FUNCTION baan_product_search_sync() TO baan_app;
