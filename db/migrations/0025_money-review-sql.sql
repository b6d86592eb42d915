-- Review of the money-safety change: data left by the earlier rules, and seller_payouts made
-- append-only for the app role.
--
-- These fixes run as the tables' owner. Row-level security is forced even for the owner, so it
-- is lifted for this transaction only and forced again at the end.
ALTER TABLE products NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE sellers NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE seller_actions NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE seller_payouts NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE seller_consent_requests NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE memberships NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- 1. A listing held with its suspended seller now remembers the status it had (held_status).
-- The old flag did not say which, so it is read from the seller's history: the last thing done
-- to the listing. A listing taken down on its own (then perhaps edited) stays down; one whose
-- history says nothing goes to the officials' queue rather than straight back on the market.
WITH held AS (
  SELECT p.tenant_id, p.id, (
    SELECT CASE
      WHEN a.action IN ('product.approved', 'product.reinstated') THEN 'published'
      WHEN a.action IN ('product.created', 'product.updated') AND a.detail->>'status' IN ('published', 'pending') THEN a.detail->>'status'
      WHEN a.action IN ('product.taken_down', 'product.updated') THEN 'taken_down'
      ELSE 'pending'
    END
    FROM seller_actions a
    WHERE a.tenant_id = p.tenant_id AND a.seller_id = p.seller_id AND a.action LIKE 'product.%' AND a.detail->>'productId' = p.id::text
    ORDER BY a.created_at DESC, a.id DESC
    LIMIT 1
  ) AS status
  FROM products p
  JOIN sellers s ON s.tenant_id = p.tenant_id AND s.id = p.seller_id
  WHERE p.status = 'suspended' AND s.status = 'suspended'
)
UPDATE products p SET held_status = coalesce(held.status, 'pending')
FROM held
WHERE p.tenant_id = held.tenant_id AND p.id = held.id AND held.status IS DISTINCT FROM 'taken_down';--> statement-breakpoint

-- 2. Consent that neither the seller nor an official gave (an editor recorded it alone, as the
-- earlier rules allowed) stops here. Kept: consent the seller gave in their own session
-- (consent_by is the seller), consent an official recorded, and consent staff confirmed with the
-- one-time code the seller read out. Everything else, including consent whose recorder is gone,
-- is cleared; the seller or an official can give it again.
CREATE TEMPORARY TABLE money_review_cleared AS
  SELECT s.tenant_id, s.id AS seller_id, s.user_id
  FROM sellers s
  WHERE s.consent_at IS NOT NULL
    AND NOT coalesce(
      s.consent_by = s.user_id
      OR EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = s.tenant_id AND m.user_id = s.consent_by AND m.role = 'official')
      OR EXISTS (SELECT 1 FROM seller_consent_requests r WHERE r.tenant_id = s.tenant_id AND r.seller_id = s.id AND r.method = 'code' AND r.confirmed_by = s.consent_by),
      false);--> statement-breakpoint
UPDATE sellers s SET consent_at = NULL, consent_by = NULL, consent_note = NULL
FROM money_review_cleared c
WHERE s.tenant_id = c.tenant_id AND s.id = c.seller_id;--> statement-breakpoint
UPDATE seller_consent_requests r SET closed_at = now()
FROM money_review_cleared c
WHERE r.tenant_id = c.tenant_id AND r.seller_id = c.seller_id AND r.confirmed_at IS NULL AND r.closed_at IS NULL;--> statement-breakpoint
-- The seller reads it in their history. No person did it (actor empty): Baan's upgrade did.
INSERT INTO seller_actions (tenant_id, seller_id, actor_id, on_behalf, action, detail)
SELECT c.tenant_id, c.seller_id, NULL, false, 'seller.consent_cleared', '{"cause":"not_by_official"}'::jsonb
FROM money_review_cleared c;--> statement-breakpoint

-- 3. What staff did to those sellers' money under that consent is undone too:
--  - payout changes staff asked for that are still waiting;
--  - the account in use from before payout history existed (requested_by empty), when the
--    seller's history shows staff other than an official set it last (`seller.payout_updated`
--    on the seller's behalf). Until the seller sets an account again, checkout offers cash only;
--    their first account set in their own session applies at once.
CREATE TEMPORARY TABLE money_review_payouts AS
  SELECT sp.tenant_id, sp.id, sp.seller_id, sp.kind, sp.account
  FROM seller_payouts sp
  JOIN money_review_cleared c ON c.tenant_id = sp.tenant_id AND c.seller_id = sp.seller_id
  WHERE sp.cancelled_at IS NULL
    AND (
      (sp.effective_at > now() AND sp.requested_by IS DISTINCT FROM c.user_id)
      OR (
        sp.requested_by IS NULL
        AND sp.effective_at <= now()
        AND EXISTS (
          SELECT 1 FROM (
            SELECT a.actor_id, a.on_behalf FROM seller_actions a
            WHERE a.tenant_id = sp.tenant_id AND a.seller_id = sp.seller_id AND a.action = 'seller.payout_updated'
            ORDER BY a.created_at DESC, a.id DESC
            LIMIT 1
          ) last
          WHERE last.on_behalf
            AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = sp.tenant_id AND m.user_id = last.actor_id AND m.role = 'official')
        )
      )
    );--> statement-breakpoint
UPDATE seller_payouts sp SET cancelled_at = now(), cancelled_by = NULL
FROM money_review_payouts x
WHERE sp.tenant_id = x.tenant_id AND sp.id = x.id;--> statement-breakpoint
INSERT INTO seller_actions (tenant_id, seller_id, actor_id, on_behalf, action, detail)
SELECT x.tenant_id, x.seller_id, NULL, false, 'seller.payout_change_cancelled',
  jsonb_build_object('payoutId', x.id, 'kind', x.kind, 'last4', right(x.account, 4), 'cause', 'not_by_official')
FROM money_review_payouts x;--> statement-breakpoint
DROP TABLE money_review_payouts;--> statement-breakpoint
DROP TABLE money_review_cleared;--> statement-breakpoint

ALTER TABLE products FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE sellers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE seller_actions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE seller_payouts FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE seller_consent_requests FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- 4. seller_payouts is a history: the app role may add a request and cancel one, never rewrite
-- or remove it (deleting a seller still removes theirs, by the foreign key, as the owner).
REVOKE UPDATE, DELETE ON seller_payouts FROM baan_app;--> statement-breakpoint
GRANT UPDATE (cancelled_at, cancelled_by) ON seller_payouts TO baan_app;--> statement-breakpoint
-- A cancellation is final: a cancelled change is never brought back.
CREATE FUNCTION seller_payouts_cancel_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.cancelled_at IS NOT NULL THEN
    RAISE EXCEPTION 'a cancelled payout change stays cancelled' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER seller_payouts_cancel_once BEFORE UPDATE ON seller_payouts
  FOR EACH ROW EXECUTE FUNCTION seller_payouts_cancel_once();
