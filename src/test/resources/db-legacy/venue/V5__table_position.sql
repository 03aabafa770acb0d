-- Where a table stands on its room's floor plan (1000 x 1000 abstract units), for the floor view:
-- all six columns set, or none (the table was never placed). The bounds mirror the service's checks
-- (PlanPosition), so no other writer can store what the API would refuse.
ALTER TABLE dining_tables
  ADD COLUMN position_x        INT CHECK (position_x BETWEEN 0 AND 1000),
  ADD COLUMN position_y        INT CHECK (position_y BETWEEN 0 AND 1000),
  ADD COLUMN position_width    INT CHECK (position_width BETWEEN 10 AND 1000),
  ADD COLUMN position_height   INT CHECK (position_height BETWEEN 10 AND 1000),
  ADD COLUMN position_rotation INT CHECK (position_rotation BETWEEN 0 AND 359),
  ADD COLUMN position_shape    TEXT CHECK (position_shape IN ('round', 'square', 'rectangle')),
  ADD CONSTRAINT dining_tables_position_whole CHECK (
    num_nulls(position_x, position_y, position_width, position_height, position_rotation, position_shape) IN (0, 6));
