-- The catalogue index: readable by everyone (it holds only published products), written only
-- inside a product's own commune, and kept in step with `products` by a trigger.
ALTER TABLE product_search ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE product_search FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY public_read ON product_search FOR SELECT USING (true);--> statement-breakpoint
CREATE POLICY tenant_insert ON product_search FOR INSERT
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY tenant_update ON product_search FOR UPDATE
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY tenant_delete ON product_search FOR DELETE
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE INDEX product_search_trgm_idx ON product_search USING gin (search_text gin_trgm_ops);--> statement-breakpoint
CREATE FUNCTION baan_product_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
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
$$;--> statement-breakpoint
CREATE TRIGGER products_search_sync AFTER INSERT OR UPDATE ON products
  FOR EACH ROW EXECUTE FUNCTION baan_product_search_sync();--> statement-breakpoint
INSERT INTO product_search (tenant_id, product_id, search_text, title_text, category, price_minor, currency, stock, cert_stars, cert_expires_on, published_at)
  SELECT tenant_id, id, search_text, lower(baan_unaccent(concat_ws(' | ', title ->> 'vi', title ->> 'en', title ->> 'th'))),
    category, price_minor, currency, stock, cert_stars, cert_expires_on, coalesce(published_at, now())
  FROM products WHERE status = 'published';--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON product_search TO baan_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION baan_product_search_sync() TO baan_app;
