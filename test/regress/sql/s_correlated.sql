-- correlated subqueries at several levels
CREATE TABLE orders (id int, customer text, total numeric);
INSERT INTO orders VALUES (1, 'ann', 10), (2, 'ann', 30), (3, 'bob', 20), (4, 'cyd', 5), (5, 'cyd', 50);
SELECT customer, total FROM orders o WHERE total = (SELECT max(total) FROM orders i WHERE i.customer = o.customer) ORDER BY 1;
SELECT DISTINCT customer FROM orders o WHERE (SELECT count(*) FROM orders i WHERE i.customer = o.customer) > 1 ORDER BY 1;
SELECT id, (SELECT count(*) FROM orders i WHERE i.total < o.total AND EXISTS (SELECT 1 FROM orders j WHERE j.customer = o.customer AND j.id <> o.id)) FROM orders o ORDER BY id;
SELECT customer, sum(total) FROM orders o GROUP BY customer HAVING sum(total) > (SELECT avg(total) FROM orders) ORDER BY 1;
-- errors
SELECT (SELECT total FROM orders i WHERE i.customer = o.customer) FROM orders o;
