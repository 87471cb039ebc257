DROP TABLE IF EXISTS auth_throttles;
