-- psql's \dD, \dD+, \d and \dT on domains and columns of domain types.
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE DOMAIN nn AS posint NOT NULL DEFAULT 5;
CREATE DOMAIN code AS varchar(3) CONSTRAINT code_chk CHECK (char_length(VALUE) > 1) COLLATE "C";
CREATE DOMAIN intlist AS integer[];
CREATE TABLE t (a posint, b nn, c code, d intlist, e posint[]);
\dD
\dD+ posint
\d t
\dT posint
\d+ t
