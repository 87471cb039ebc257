DROP INDEX notifications_user;
DROP TABLE notifications;
