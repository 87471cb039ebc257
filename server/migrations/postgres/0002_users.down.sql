DROP INDEX users_display_name;
DROP TABLE users;
