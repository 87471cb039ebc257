DROP INDEX invites_created_at;
DROP TABLE invites;
