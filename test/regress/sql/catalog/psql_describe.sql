-- psql's describe commands over a schema with tables, indexes, sequences, enums and a second
-- schema: the catalog queries psql sends must give PostgreSQL's answers.
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name varchar(40), joined date DEFAULT current_date);
CREATE INDEX users_name_idx ON users (name DESC NULLS LAST);
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE SEQUENCE ticket_seq START 100;
CREATE SCHEMA app;
CREATE TABLE app.items (id bigint PRIMARY KEY, owner int REFERENCES users, m mood, tags text[]);
CREATE TABLE app.users (id int);
\dt
\dt app.*
\dt *.users
\di
\ds
\dn
\du
\dT
\dT app.*
SET search_path = app, public;
\dt
\di
RESET search_path;
DROP TABLE app.users;
\dt *.users
