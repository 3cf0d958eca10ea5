-- bool_and/bool_or/every, string_agg, array_agg
CREATE TABLE b (grp int, ok boolean, word text, n int);
INSERT INTO b VALUES (1, true, 'x', 3), (1, false, 'y', 1), (2, true, 'z', 2), (2, NULL, NULL, NULL), (3, NULL, NULL, NULL);
SELECT grp, bool_and(ok), bool_or(ok), every(ok) FROM b GROUP BY grp ORDER BY grp;
SELECT grp, string_agg(word, ', '), array_agg(n) FROM b GROUP BY grp ORDER BY grp;
SELECT string_agg(word, '' ORDER BY word DESC), array_agg(n ORDER BY n NULLS FIRST), array_agg(DISTINCT grp) FROM b;
SELECT array_agg(word) FILTER (WHERE word IS NOT NULL), string_agg(n::text, '+' ORDER BY n) FROM b;
-- errors
SELECT bool_and(n) FROM b;
SELECT string_agg(word) FROM b;
SELECT array_agg(DISTINCT word ORDER BY n) FROM b;
