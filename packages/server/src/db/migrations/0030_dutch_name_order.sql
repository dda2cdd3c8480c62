-- Dutch name order (issue 15): lists sort on the surname without its prefix (tussenvoegsel), so "de Boer"
-- and "van den Berg" sort under B, as Dutch readers expect; the prefix breaks ties ("Boer" before "de Boer").
-- The key folds case and accents ("Özdemir" with "Ozdemir", "Šimić" with "Simic": the accents are removed
-- before lower(), which in the C locale changes ASCII letters only); the ligature ĳ is i + j,
-- so "IJsselstein" sorts under I between "Ih…" and "Ik…", as in a Dutch dictionary. Both ways of
-- registering a prefix are read: "van den Berg" and "Berg, van den". A capitalised prefix is a prefix too
-- ("De Vries" as "de Vries"); a Belgian "Van Damme" therefore sorts under D. The names as registered are
-- what every screen shows; only the sort key changes. The key is the surname, then a space and the prefix
-- when there is one, so "boer" < "boer de" < "boerma" in the embedded server's C collation.
CREATE FUNCTION osteopad_name_sort_key_parsed(family_name text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
DECLARE
  s text := family_name;
  comma integer;
  word text;
  prefix text := '';
  surname text;
BEGIN
  -- Each step only when it is needed, the cheap tests first: the key is computed for every row the
  -- worklist projection writes, and most names are ASCII, single-spaced and without a prefix.
  IF octet_length(s) <> char_length(s) THEN
    -- Compatibility decomposition (ĳ → ij, é → e + accent), the accents dropped, then the letters that
    -- have no decomposition, and typographic apostrophes.
    s := replace(translate(regexp_replace(normalize(s, NFKD), '[\u0300-\u036f]', '', 'g'),
                           'łŁđĐøØı’‘`´ʼ', 'llddooi'''''''''''), 'ß', 'ss');
  END IF;
  s := lower(btrim(s));
  IF strpos(s, '  ') > 0 OR strpos(s, E'\t') > 0 OR strpos(s, E'\n') > 0 OR strpos(s, E'\r') > 0 THEN
    s := btrim(regexp_replace(s, '\s+', ' ', 'g'));
  END IF;
  comma := strpos(s, ',');
  IF comma > 0 THEN
    -- "Berg, van den": the surname first, the prefix after the comma.
    surname := btrim(left(s, comma - 1));
    prefix := btrim(substr(s, comma + 1));
  ELSE
    surname := s;
    LOOP
      word := split_part(surname, ' ', 1);
      EXIT WHEN strpos(surname, ' ') = 0 OR NOT word = ANY (ARRAY['van', 'von', 'zu', 'de', 'der', 'den', 'des', 'del', 'della', 'di', 'du', 'da', 'dos', 'het', 'in', 'op', 'uit', 'aan', 'bij', 'onder', 'over', 'te', 'ten', 'ter', 'voor', 'la', 'le', 'les', '''t', '''s']);
      prefix := prefix || ' ' || word;
      surname := substr(surname, length(word) + 2);
    END LOOP;
    -- Glued on: "d'Ancona", "l'Estrange".
    IF left(surname, 2) IN ('d''', 'l''') AND length(surname) > 2 THEN
      prefix := prefix || ' ' || left(surname, 2);
      surname := substr(surname, 3);
    END IF;
    prefix := btrim(prefix);
  END IF;
  IF surname = '' THEN
    RETURN s;
  END IF;
  RETURN CASE WHEN prefix = '' THEN surname ELSE surname || ' ' || prefix END;
END
$fn$;
--> statement-breakpoint
-- The key. A name that is ASCII, has no space, comma or apostrophe (most names: no prefix to find, nothing
-- to fold but case) is keyed here, inlined into the query that asks; every other name is parsed above.
CREATE FUNCTION osteopad_name_sort_key(family_name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT CASE
    WHEN octet_length(family_name) = char_length(family_name) AND strpos(family_name, ' ') = 0
         AND strpos(family_name, ',') = 0 AND strpos(family_name, '''') = 0
         AND strpos(family_name, E'\t') = 0 AND strpos(family_name, E'\n') = 0
      THEN lower(family_name)
    ELSE osteopad_name_sort_key_parsed(family_name)
  END
$fn$;
--> statement-breakpoint
-- The projection's row functions (0021) computed the name key as lower(family_name): the same functions
-- again with the Dutch key, rewritten from their own definitions so that nothing else in them changes.
DO $do$
DECLARE
  fn text;
  definition text;
BEGIN
  FOREACH fn IN ARRAY ARRAY['osteopad_worklist_task_rows(text)', 'osteopad_worklist_excluded_rows(text)'] LOOP
    definition := pg_get_functiondef(fn::regprocedure);
    IF position('lower(p.family_name)' IN definition) = 0 THEN
      RAISE EXCEPTION '%: no lower(p.family_name) to replace', fn;
    END IF;
    EXECUTE replace(definition, 'lower(p.family_name)', 'osteopad_name_sort_key(p.family_name)');
  END LOOP;
END
$do$;
--> statement-breakpoint
-- The rows already there get the new key (worklist_items keeps the patient's family name beside it).
UPDATE worklist_items SET name_key = osteopad_name_sort_key(family_name)
 WHERE name_key IS DISTINCT FROM osteopad_name_sort_key(family_name);
