DROP INDEX refresh_tokens_user;
DROP INDEX refresh_tokens_family;
DROP TABLE refresh_tokens;
