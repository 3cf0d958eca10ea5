-- The statements of one simple-query message (psql's \;) run in one transaction: an error
-- undoes those before it; BEGIN, COMMIT and ROLLBACK inside the message end or extend it.
CREATE TABLE ib (a int);
INSERT INTO ib VALUES (1) \; SELECT 1/0 \; INSERT INTO ib VALUES (2);
SELECT * FROM ib;
BEGIN \; INSERT INTO ib VALUES (3) \; COMMIT \; INSERT INTO ib VALUES (4) \; SELECT 1/0;
SELECT * FROM ib ORDER BY a;
-- COMMIT and ROLLBACK end the message's transaction, with a warning
INSERT INTO ib VALUES (5) \; COMMIT \; INSERT INTO ib VALUES (6) \; ROLLBACK;
SELECT * FROM ib ORDER BY a;
-- BEGIN takes the statements before it into the block it starts
INSERT INTO ib VALUES (7) \; BEGIN \; INSERT INTO ib VALUES (8);
ROLLBACK;
SELECT * FROM ib ORDER BY a;
-- SET LOCAL lasts to the end of the message
SET LOCAL work_mem = '1MB' \; SHOW work_mem;
SHOW work_mem;
-- what cannot run in a transaction block
SELECT 1 \; VACUUM ib;
INSERT INTO ib VALUES (9) \; SAVEPOINT s;
SELECT 1 \; BEGIN ISOLATION LEVEL SERIALIZABLE \; SELECT 2;
COMMIT;
SELECT count(*) FROM ib;
-- DDL in the message is undone with it
CREATE TABLE ib2 (b int) \; INSERT INTO ib2 VALUES (1) \; SELECT 1/0;
SELECT * FROM ib2;
DROP TABLE ib;
