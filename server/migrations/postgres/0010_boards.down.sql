DROP TABLE labels;
DROP TABLE board_columns;
DROP TABLE board_members;
DROP TABLE boards;
