-- row constructors and row-wise comparison (keyset pagination on two columns)
SELECT (1, 2) < (1, 3), (1, 2) = (1, 2), (1, NULL) = (1, 2), (2, NULL) > (1, 5), (1, 2) IN ((3, 4), (1, 2)), ROW(1, 2) <> ROW(1, 2);
SELECT (1, 'b') > (1, 'a'), (1, 2, 3) <= (1, 2, 3), (1, 2) NOT IN ((1, 2), (3, 4));
CREATE TABLE posts (id int PRIMARY KEY, created date, title text);
INSERT INTO posts VALUES (1, '2024-01-03', 'c'), (2, '2024-01-01', 'a'), (3, '2024-01-02', 'b'), (4, '2024-01-02', 'b2'), (5, '2024-01-03', 'c2');
SELECT id, created FROM posts ORDER BY created DESC, id DESC LIMIT 2;
SELECT id, created FROM posts WHERE (created, id) < ('2024-01-03', 1) ORDER BY created DESC, id DESC LIMIT 2;
SELECT id, created FROM posts WHERE (created, id) < ('2024-01-02', 3) ORDER BY created DESC, id DESC LIMIT 2;
SELECT id FROM posts WHERE (created, title) = ('2024-01-02', 'b');
-- errors
SELECT (1, 2) < (1, 2, 3);
SELECT (1, 2) < (1, 'x');
