-- to_char for numbers, to_number
SELECT to_char(1234.5678, '9999.99'), to_char(1234.5678, 'FM9999.99'), to_char(0.1, '0.99'), to_char(0.1, '9.99'), to_char(-0.1, '9.99');
SELECT to_char(42, '00000'), to_char(42, '99999'), to_char(-42, 'S999'), to_char(42, 'S999'), to_char(-42, '999MI'), to_char(-42, '999PR'), to_char(42, '999PR');
SELECT to_char(-42, 'S0999'), to_char(-42, 'FMS999'), to_char(-42.5, 'S999.9'), to_char(-0.5, 'S9.9'), to_char(-1234, 'S9,999'), to_char(-42, 'MI999'), to_char(-42, 'SG999'), to_char(42, 'SG999');
SELECT to_char(42, 'FM999PR'), to_char(-42, 'FM999PR'), to_char(0.1, 'FM9.99'), to_char(0, '999'), to_char(0, '9.99'), to_char(0, 'FM999'), to_char(-5, 'FM9MI'), to_char(-0.001, '9.99');
SELECT to_char(1234567.891, '9,999,999.99'), to_char(1234567.891, 'FM9,999,999.99'), to_char(12345, '999'), to_char(5, '9.99'), to_char(3::int, '9999');
SELECT to_char(1.25::real, '9.9'), to_char(2.675::float8, '9.99'), to_char(1.5::float8, '9.9'), to_char(-3.14159::float8, 'FM990.000'), to_char(1e10::float8, '99999999999');
SELECT to_number('12,454.8-', '99G999D9S'), to_number('1,234.56', '9,999.99'), to_number('-45', '999');
SELECT to_char(1, 'RN'), to_char(1994, 'rn'), to_char(3999, 'FMRN'), to_char(4000, 'RN'), to_char(2.5, 'RN');
-- errors
SELECT to_char('x'::text, '999');
SELECT to_number('abc', '999');
