-- lag/lead/first_value/last_value/nth_value
CREATE TABLE ts (day date, v int);
INSERT INTO ts VALUES ('2024-01-01', 5), ('2024-01-02', 7), ('2024-01-03', NULL), ('2024-01-04', 2);
SELECT day, v, lag(v) OVER w, lead(v) OVER w, lag(v, 2, 0) OVER w, lead(v, 1, -1) OVER w FROM ts WINDOW w AS (ORDER BY day) ORDER BY day;
SELECT day, first_value(v) OVER w, last_value(v) OVER w, nth_value(v, 2) OVER w FROM ts WINDOW w AS (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ORDER BY day;
SELECT day, v - lag(v) OVER (ORDER BY day) AS delta FROM ts ORDER BY day;
-- errors
SELECT lag(v, 'x') OVER (ORDER BY day) FROM ts;
SELECT nth_value(v, 0) OVER (ORDER BY day) FROM ts;
