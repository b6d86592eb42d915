-- hand-written:
-- Phone numbers become sign-in identifiers (0032): stored E.164 and unique. The free-form numbers
-- people typed so far are normalised here, before 0032 adds the check and the unique index:
-- Vietnamese and Thai numbers in local (0912 345 678) or international (+84 912 345 678) form
-- become E.164 (a local number is read as Thai for a Thai-speaking account, else Vietnamese
-- first); anything else is cleared. When two accounts wrote the same number, the older account
-- keeps it. Nothing is verified by this: every number starts unverified.
WITH cleaned AS (
  SELECT id, created_at, locale, regexp_replace(phone, '[[:space:].()-]', '', 'g') AS digits
  FROM users
  WHERE phone IS NOT NULL
), normalised AS (
  SELECT id, created_at,
    CASE
      WHEN digits ~ '^\+84(2[0-9]{9}|[35789][0-9]{8})$' THEN digits
      WHEN digits ~ '^\+66([2-7][0-9]{7}|[689][0-9]{8})$' THEN digits
      WHEN locale = 'th' AND digits ~ '^0([2-7][0-9]{7}|[689][0-9]{8})$' THEN '+66' || substr(digits, 2)
      WHEN digits ~ '^0(2[0-9]{9}|[35789][0-9]{8})$' THEN '+84' || substr(digits, 2)
      WHEN digits ~ '^0([2-7][0-9]{7}|[689][0-9]{8})$' THEN '+66' || substr(digits, 2)
    END AS e164
  FROM cleaned
), ranked AS (
  SELECT id, e164, row_number() OVER (PARTITION BY e164 ORDER BY created_at, id) AS n
  FROM normalised
)
UPDATE users SET phone = CASE WHEN ranked.e164 IS NOT NULL AND ranked.n = 1 THEN ranked.e164 END
FROM ranked
WHERE users.id = ranked.id;
