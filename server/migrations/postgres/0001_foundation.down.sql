DROP TABLE server_meta;
