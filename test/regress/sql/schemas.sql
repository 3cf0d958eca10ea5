-- schemas and search_path
CREATE SCHEMA app;
CREATE SCHEMA IF NOT EXISTS app;
CREATE TABLE app.accounts (id int PRIMARY KEY, owner text);
INSERT INTO app.accounts VALUES (1, 'ann');
SELECT * FROM app.accounts;
SELECT * FROM accounts;
SET search_path = app, public;
SHOW search_path;
SELECT * FROM accounts;
CREATE TABLE notes (id int);
SELECT count(*) FROM app.notes;
RESET search_path;
CREATE TABLE accounts (id int, note text);
INSERT INTO accounts VALUES (7, 'public one');
SELECT * FROM accounts;
SELECT * FROM app.accounts;
SELECT current_schema();
-- errors
CREATE SCHEMA app;
CREATE TABLE nosuch.t (a int);
SELECT * FROM nosuch.t;
DROP SCHEMA app;
DROP SCHEMA nosuch;
DROP SCHEMA IF EXISTS nosuch;
CREATE SCHEMA pg_mine;
DROP SCHEMA app CASCADE;
SELECT * FROM app.accounts;
