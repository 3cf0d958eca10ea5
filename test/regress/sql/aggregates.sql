-- GROUP BY, HAVING and count/sum/avg/min/max
CREATE TABLE sales (id int, region text, product text, qty int, price numeric(8,2), sold_at date);
INSERT INTO sales VALUES
  (1, 'north', 'apple', 10, 1.20, '2024-01-05'), (2, 'north', 'pear', 5, 2.00, '2024-01-06'),
  (3, 'south', 'apple', 7, 1.10, '2024-02-01'), (4, 'south', 'apple', 3, 1.30, '2024-02-03'),
  (5, 'east', 'fig', NULL, 5.00, '2024-02-04'), (6, NULL, 'pear', 2, 2.10, NULL);
SELECT count(*), count(qty), count(region), sum(qty), avg(qty), min(price), max(price), sum(price), avg(price) FROM sales;
SELECT region, count(*), sum(qty) FROM sales GROUP BY region ORDER BY region;
SELECT region, product, sum(qty * price) AS revenue FROM sales GROUP BY region, product ORDER BY region NULLS FIRST, product;
SELECT product, count(*) FROM sales GROUP BY product HAVING count(*) > 1 ORDER BY product;
SELECT product, avg(price) FROM sales GROUP BY 1 HAVING avg(price) < 2 ORDER BY 2 DESC;
SELECT region IS NULL AS no_region, count(*) FROM sales GROUP BY region IS NULL ORDER BY 1;
SELECT count(DISTINCT product), count(DISTINCT region) FROM sales;
SELECT product, max(qty) - min(qty) AS spread FROM sales GROUP BY product ORDER BY spread DESC NULLS LAST, product;
SELECT sum(qty) FROM sales WHERE false;
SELECT count(*) FROM sales WHERE false;
SELECT region, count(*) FROM sales WHERE false GROUP BY region;
SELECT count(*) FILTER (WHERE qty > 4) AS big, count(*) FILTER (WHERE region = 'south') AS south FROM sales;
SELECT upper(product) AS p, count(*) FROM sales GROUP BY upper(product) ORDER BY p;
SELECT product, sum(qty) FROM sales GROUP BY product ORDER BY sum(qty) DESC NULLS LAST, product;
SELECT bool_and(qty > 1), bool_or(qty > 9), string_agg(product, ',') FROM sales WHERE region = 'north';
SELECT min(sold_at), max(sold_at), min(product), max(region) FROM sales;
SELECT avg(qty)::numeric(10,3), sum(qty)::float8 / count(qty) FROM sales;
SELECT count(*) AS n FROM sales HAVING count(*) > 3;
-- errors
SELECT region, qty FROM sales GROUP BY region;
SELECT region FROM sales WHERE count(*) > 1 GROUP BY region;
SELECT sum(product) FROM sales;
SELECT sum(count(*)) FROM sales;
SELECT region FROM sales GROUP BY 7;
SELECT avg('x') FROM sales;
SELECT count(*) FROM sales GROUP BY nosuch;
