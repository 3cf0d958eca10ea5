-- CREATE DATABASE, ALTER DATABASE ... RENAME TO, DROP DATABASE: each database has objects of
-- its own, and \c moves between them
CREATE DATABASE tusk_db1;
CREATE DATABASE tusk_db2 WITH TEMPLATE template1 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' CONNECTION LIMIT 5
  ALLOW_CONNECTIONS true IS_TEMPLATE false STRATEGY wal_log TABLESPACE pg_default;
\l tusk_db*
SELECT datname, datistemplate, datallowconn, datconnlimit, pg_encoding_to_char(encoding) AS encoding
FROM pg_database WHERE datname LIKE 'tusk_db%' OR datname LIKE 'template%' ORDER BY datname;
CREATE TABLE here (a int);
\c tusk_db1
SELECT current_database();
SELECT count(*) FROM pg_class WHERE relname = 'here';
CREATE TABLE there (b text PRIMARY KEY);
INSERT INTO there VALUES ('only in tusk_db1');
SELECT * FROM there;
\c tusk_db2
SELECT count(*) FROM pg_class WHERE relname IN ('here', 'there');
CREATE TABLE there (n int);
INSERT INTO there VALUES (2);
\c tusk_db1
SELECT * FROM there;
\c regression
SELECT * FROM there;
-- errors
CREATE DATABASE tusk_db1;
CREATE DATABASE tusk_db3 TEMPLATE nosuch;
CREATE DATABASE tusk_db3 STRATEGY bogus;
CREATE DATABASE tusk_db3 BOGUS 1;
CREATE DATABASE tusk_db3 CONNECTION LIMIT -5;
CREATE DATABASE tusk_db3 OWNER nosuchrole;
CREATE DATABASE tusk_db3 TABLESPACE nosuch;
CREATE DATABASE tusk_db3 LC_COLLATE 'C';
CREATE DATABASE tusk_db3 LOCALE 'POSIX';
BEGIN;
CREATE DATABASE tusk_db3;
ROLLBACK;
DROP DATABASE regression;
DROP DATABASE template1;
DROP DATABASE nosuch;
DROP DATABASE IF EXISTS nosuch;
DROP DATABASE tusk_db1 WITH (BOGUS);
BEGIN;
DROP DATABASE tusk_db1;
ROLLBACK;
ALTER DATABASE tusk_db2 RENAME TO tusk_db1;
ALTER DATABASE regression RENAME TO tusk_db9;
ALTER DATABASE nosuch RENAME TO tusk_db9;
-- rename and drop
ALTER DATABASE tusk_db2 RENAME TO tusk_db2b;
\c tusk_db2b
SELECT current_database(), n FROM there;
\c regression
DROP DATABASE tusk_db1;
DROP DATABASE tusk_db2b WITH (FORCE);
SELECT datname FROM pg_database WHERE datname LIKE 'tusk_db%';
-- a database made again under an old name starts empty
CREATE DATABASE tusk_db1;
\c tusk_db1
SELECT count(*) FROM pg_class WHERE relname = 'there';
\c regression
DROP DATABASE tusk_db1;
DROP TABLE here;
\db
