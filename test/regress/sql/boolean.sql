-- boolean input, output and three-valued logic
SELECT true AS t, false AS f, 't'::boolean, 'yes'::boolean, 'off'::boolean, '1'::boolean, ' TRUE '::boolean;
SELECT true AND NULL, false AND NULL, true OR NULL, false OR NULL, NOT NULL::boolean;
SELECT NULL::boolean IS NULL, true IS TRUE, NULL::boolean IS UNKNOWN, false IS NOT TRUE, NULL::boolean IS NOT FALSE;
CREATE TABLE flags (id int, b boolean);
INSERT INTO flags VALUES (1, true), (2, false), (3, NULL);
SELECT id FROM flags WHERE b ORDER BY id;
SELECT id FROM flags WHERE NOT b ORDER BY id;
SELECT id FROM flags WHERE b IS NOT TRUE ORDER BY id;
SELECT count(*) FILTER (WHERE b) AS ignored FROM flags WHERE false;
-- errors
SELECT 'maybe'::boolean;
SELECT 2::boolean;
SELECT id FROM flags WHERE id;
