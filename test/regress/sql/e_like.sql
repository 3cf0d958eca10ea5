-- LIKE and ILIKE with escapes and NULLs
SELECT 'hello' LIKE 'h%', 'hello' LIKE '%LL%', 'hello' ILIKE '%LL%', 'hello' NOT LIKE '_ello', 'h_llo' LIKE 'h\_llo', 'hallo' LIKE 'h\_llo';
SELECT '100%' LIKE '100\%', 'abc' LIKE 'abc', 'abc' LIKE 'ab', '' LIKE '%', NULL LIKE 'a', 'a' LIKE NULL;
SELECT 'Straße' ILIKE 'STRASSE', 'ÅÄÖ' LIKE '_Ä_', 'x' LIKE '%%%';
CREATE TABLE w (s text);
INSERT INTO w VALUES ('apple'), ('Apricot'), ('banana'), ('a_b'), (NULL);
SELECT s FROM w WHERE s LIKE 'a%' ORDER BY s;
SELECT s FROM w WHERE s ILIKE 'a%' ORDER BY s;
SELECT s FROM w WHERE s LIKE '%\_%' ORDER BY s;
-- errors
SELECT 'a' LIKE 'a\';
SELECT 1 LIKE 'a';
