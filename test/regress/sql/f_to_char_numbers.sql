-- to_char for numbers, to_number
SELECT to_char(1234.5678, '9999.99'), to_char(1234.5678, 'FM9999.99'), to_char(0.1, '0.99');
SELECT to_char(42, '00000'), to_char(42, '99999'), to_char(-42, '999MI');
SELECT to_char(1234567.891, '9,999,999.99'), to_char(1234567.891, 'FM9,999,999.99'), to_char(12345, '999'), to_char(5, '9.99'), to_char(3::int, '9999');
SELECT to_number('12,454.8-', '99G999D9S'), to_number('1,234.56', '9,999.99'), to_number('-45', '999');
