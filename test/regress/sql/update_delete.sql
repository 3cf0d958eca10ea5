-- UPDATE and DELETE with RETURNING
CREATE TABLE acct (id int PRIMARY KEY, owner text, balance numeric(10,2) NOT NULL DEFAULT 0, version int DEFAULT 1);
INSERT INTO acct VALUES (1, 'ann', 100), (2, 'bob', 50), (3, 'cyd', 0), (4, 'dee', 75.5);
UPDATE acct SET balance = balance - 25, version = version + 1 WHERE id = 1 RETURNING id, balance, version;
UPDATE acct SET owner = upper(owner) WHERE balance > 60;
UPDATE acct SET balance = DEFAULT WHERE owner = 'cyd';
UPDATE acct SET version = version + 1 WHERE id = 2 AND version = 1;
UPDATE acct SET version = version + 1 WHERE id = 2 AND version = 1;
SELECT * FROM acct ORDER BY id;
UPDATE acct SET id = id + 10 WHERE id = 4 RETURNING *;
DELETE FROM acct WHERE balance = 0 RETURNING owner;
DELETE FROM acct WHERE id = 99;
UPDATE acct SET balance = balance * 2;
SELECT * FROM acct ORDER BY id;
DELETE FROM acct;
SELECT count(*) FROM acct;
-- errors
UPDATE acct SET nosuch = 1;
UPDATE acct SET balance = 'lots';
UPDATE acct SET owner = 'a', owner = 'b';
UPDATE nosuch SET a = 1;
DELETE FROM nosuch;
DELETE FROM acct WHERE nosuch = 1;
UPDATE acct SET balance = NULL WHERE true;
INSERT INTO acct VALUES (1, 'x', 1);
UPDATE acct SET balance = NULL;
