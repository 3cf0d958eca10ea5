-- information_schema.domains, domain_constraints, check_constraints and columns of domain types.
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE DOMAIN nn AS posint NOT NULL DEFAULT 5;
CREATE DOMAIN code AS varchar(3) CONSTRAINT code_chk CHECK (char_length(VALUE) > 1) COLLATE "C";
CREATE DOMAIN price AS numeric(8,2);
CREATE DOMAIN stamp AS timestamp(3);
CREATE DOMAIN intlist AS integer[];
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE DOMAIN goodmood AS mood;
SELECT * FROM information_schema.domains WHERE domain_schema = 'public' ORDER BY domain_name;
SELECT * FROM information_schema.domain_constraints ORDER BY constraint_name;
SELECT * FROM information_schema.check_constraints WHERE constraint_schema = 'public' ORDER BY constraint_name;
CREATE TABLE t (a posint, b nn, c code, d price, e stamp, f intlist, g goodmood, h posint[], i int);
SELECT column_name, column_default, is_nullable, data_type, character_maximum_length, character_octet_length,
       numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision, collation_name,
       domain_catalog IS NOT NULL AS has_domain_catalog, domain_schema, domain_name, udt_schema, udt_name, dtd_identifier
  FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position;
