-- DISTINCT ON
CREATE TABLE ev (who text, at timestamp, what text);
INSERT INTO ev VALUES ('a', '2024-01-01 10:00', 'login'), ('a', '2024-01-02 10:00', 'logout'), ('b', '2024-01-01 09:00', 'login'), ('b', '2024-01-01 08:00', 'signup'), ('c', NULL, 'x');
SELECT DISTINCT ON (who) who, at, what FROM ev ORDER BY who, at DESC NULLS LAST;
SELECT DISTINCT ON (who) who, what FROM ev ORDER BY who, at;
SELECT DISTINCT ON (what = 'login') what FROM ev ORDER BY what = 'login', what;
SELECT DISTINCT ON (1) who FROM ev ORDER BY 1;
-- errors
SELECT DISTINCT ON (who) who FROM ev ORDER BY at;
