-- PRIMARY KEY, UNIQUE, NOT NULL, CHECK with PostgreSQL's default names and errors
CREATE TABLE users (id int PRIMARY KEY, email text UNIQUE, name text NOT NULL, age int CHECK (age >= 0), CHECK (length(name) > 1));
INSERT INTO users VALUES (1, 'a@x.io', 'ann', 30);
INSERT INTO users VALUES (2, NULL, 'bob', NULL), (3, NULL, 'cyd', 5);
SELECT * FROM users ORDER BY id;
CREATE TABLE pairs (a int, b int, c text, PRIMARY KEY (a, b), UNIQUE (b, c));
INSERT INTO pairs VALUES (1, 1, 'x'), (1, 2, 'x'), (2, 1, 'y');
SELECT * FROM pairs ORDER BY a, b;
CREATE TABLE named (id int CONSTRAINT named_id_must_be_positive CHECK (id > 0), code text CONSTRAINT code_uq UNIQUE);
INSERT INTO named VALUES (1, 'a');
-- errors
INSERT INTO users VALUES (1, 'dup@x.io', 'dupe', 1);
INSERT INTO users VALUES (4, 'a@x.io', 'dave', 1);
INSERT INTO users VALUES (5, 'e@x.io', NULL, 1);
INSERT INTO users VALUES (NULL, 'f@x.io', 'fay', 1);
INSERT INTO users VALUES (6, 'g@x.io', 'gus', -1);
INSERT INTO users VALUES (7, 'h@x.io', 'h', 1);
UPDATE users SET id = 1 WHERE id = 2;
UPDATE users SET email = 'a@x.io' WHERE id = 3;
UPDATE users SET age = -5;
INSERT INTO pairs VALUES (1, 1, 'z');
INSERT INTO pairs VALUES (3, 2, 'x');
INSERT INTO named VALUES (0, 'b');
INSERT INTO named VALUES (2, 'a');
SELECT * FROM users ORDER BY id;
