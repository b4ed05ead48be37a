-- One database per service (DESIGN.md §5); each service migrates its own schema at start.
CREATE DATABASE orders;
CREATE DATABASE inventory;
CREATE DATABASE payment;
CREATE DATABASE shipping;
