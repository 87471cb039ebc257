DROP TABLE webhook_attempts;
DROP INDEX webhook_deliveries_hook;
DROP TABLE webhook_deliveries;
DROP INDEX webhooks_board;
DROP TABLE webhooks;
