-- psql's \dx, \dp, \dn+, \d+, \dv, \dD over Tusk's objects (PostgreSQL 15's output)
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE SCHEMA shop;
COMMENT ON SCHEMA shop IS 'the store';
CREATE TABLE shop.orders (
  id bigserial PRIMARY KEY,
  code uuid NOT NULL DEFAULT uuid_generate_v4(),
  total numeric(10,2) CHECK (total >= 0),
  note text
);
COMMENT ON TABLE shop.orders IS 'orders placed';
COMMENT ON COLUMN shop.orders.total IS 'in cents? no: in euros';
CREATE UNIQUE INDEX orders_code ON shop.orders (code) NULLS NOT DISTINCT;
\dx
\dp shop.*
\dn+ shop
\d+ shop.orders
\dv
\dD
\dx uuid*
