-- SIMILAR TO, ILIKE and POSIX regex operators
CREATE TABLE words (w text);
INSERT INTO words VALUES ('apple'), ('Banana'), ('cherry'), ('date'), (NULL), ('a_b%c');
SELECT w, w SIMILAR TO '(a|b)%' AS sim, w NOT SIMILAR TO '%an%' AS not_sim FROM words ORDER BY w;
SELECT w FROM words WHERE w ILIKE 'b%' OR w ~~* '%RRY';
SELECT w, w ~ '^[a-c]', w ~* '^B', w !~ 'e$', w !~* 'A' FROM words ORDER BY w;
SELECT w FROM words WHERE w LIKE 'a\_b\%c';
SELECT 'abc' SIMILAR TO 'a_c', 'abc' SIMILAR TO 'a.c', 'a.c' SIMILAR TO 'a.c', 'abcabc' SIMILAR TO '(abc)+', 'ab' SIMILAR TO 'a{1,2}b';
SELECT regexp_replace('Hello World', '(\w+) (\w+)', '\2 \1'), regexp_replace('aaa', 'a', 'b', 'g'), regexp_match('foo123bar', '\d+');
-- errors
SELECT 'a' ~ '(';
SELECT 1 ~ 'a';
