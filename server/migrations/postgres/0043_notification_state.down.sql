DROP TABLE notified_assignees;
