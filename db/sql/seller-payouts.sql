-- seller_payouts is a history: a cancellation is final, a cancelled change is never brought back.
CREATE OR REPLACE FUNCTION seller_payouts_cancel_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.cancelled_at IS NOT NULL THEN
    RAISE EXCEPTION 'a cancelled payout change stays cancelled' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER seller_payouts_cancel_once BEFORE UPDATE ON seller_payouts
  FOR EACH ROW EXECUTE FUNCTION seller_payouts_cancel_once();
