-- JOIN ... USING and NATURAL JOIN
CREATE TABLE a (k int, x text, common int);
CREATE TABLE b (k int, y text, common int);
INSERT INTO a VALUES (1, 'a1', 10), (2, 'a2', 20), (3, 'a3', 30);
INSERT INTO b VALUES (2, 'b2', 20), (3, 'b3', 99), (4, 'b4', 40);
SELECT * FROM a JOIN b USING (k) ORDER BY k;
SELECT * FROM a JOIN b USING (k, common) ORDER BY k;
SELECT k, x, y FROM a LEFT JOIN b USING (k) ORDER BY k;
SELECT * FROM a NATURAL JOIN b;
SELECT a.k, b.k FROM a JOIN b USING (k) ORDER BY 1;
SELECT count(*) FROM a NATURAL LEFT JOIN b;
-- errors
SELECT * FROM a JOIN b USING (x);
SELECT * FROM a JOIN b USING (nosuch);
-- the merged column: right copy for RIGHT JOIN, COALESCE for FULL JOIN, common type
CREATE TABLE bb (k bigint, z text);
INSERT INTO bb VALUES (2, 'z2'), (5, 'z5');
SELECT * FROM a RIGHT JOIN bb USING (k) ORDER BY k;
SELECT k, pg_typeof(k) FROM a FULL JOIN bb USING (k) ORDER BY k;
SELECT * FROM a FULL JOIN bb USING (k) JOIN a a2 USING (k) ORDER BY 1;
SELECT a.k, bb.k, k FROM a FULL JOIN bb USING (k) ORDER BY 3;
