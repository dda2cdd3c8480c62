-- Dutch citizen service number (BSN) check: 9 digits, the "elfproef" (weights 9..2 and -1, sum divisible by 11).
-- Enforced in the database too, so no path around the application can store an invalid BSN.
CREATE OR REPLACE FUNCTION osteopad_bsn_valid(bsn text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  total integer := 0;
  i integer;
BEGIN
  IF bsn !~ '^[0-9]{9}$' OR bsn = '000000000' THEN
    RETURN false;
  END IF;
  FOR i IN 1..8 LOOP
    total := total + (10 - i) * substr(bsn, i, 1)::integer;
  END LOOP;
  total := total - substr(bsn, 9, 1)::integer;
  RETURN total % 11 = 0;
END;
$$;
