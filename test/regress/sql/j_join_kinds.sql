-- inner, left, right, full and cross joins
CREATE TABLE l (id int, v text);
CREATE TABLE r (id int, w text);
INSERT INTO l VALUES (1, 'a'), (2, 'b'), (3, 'c'), (NULL, 'n');
INSERT INTO r VALUES (2, 'x'), (3, 'y'), (3, 'z'), (4, 'w'), (NULL, 'm');
SELECT * FROM l INNER JOIN r ON l.id = r.id ORDER BY l.id, r.w;
SELECT * FROM l LEFT JOIN r ON l.id = r.id ORDER BY l.id NULLS LAST, r.w;
SELECT * FROM l RIGHT JOIN r ON l.id = r.id ORDER BY r.id NULLS LAST, r.w;
SELECT * FROM l FULL JOIN r ON l.id = r.id ORDER BY l.id NULLS LAST, r.id NULLS LAST, r.w;
SELECT count(*) FROM l CROSS JOIN r;
SELECT l.v, r.w FROM l JOIN r ON l.id < r.id ORDER BY 1, 2;
SELECT l.v, r.w FROM l LEFT JOIN r ON l.id = r.id AND r.w > 'x' ORDER BY 1, 2;
SELECT l.v FROM l LEFT JOIN r ON l.id = r.id WHERE r.id IS NULL ORDER BY 1;
SELECT a.v, b.v FROM l a JOIN l b ON a.id + 1 = b.id ORDER BY 1;
-- errors
SELECT * FROM l JOIN r;
SELECT * FROM l JOIN r ON id = 1;
SELECT * FROM l FULL JOIN r ON l.id < r.id;
