-- reverse: create index "booking_running" to table: "bookings"
DROP INDEX "booking_running";
-- reverse: create index "booking_owner_running" to table: "bookings"
DROP INDEX "booking_owner_running";
-- reverse: create index "booking_owner_openings" to table: "bookings"
DROP INDEX "booking_owner_openings";
-- reverse: create index "booking_openings" to table: "bookings"
DROP INDEX "booking_openings";
-- reverse: create index "booking_buffers" to table: "bookings"
DROP INDEX "booking_buffers";
-- reverse: modify "bookings" table
ALTER TABLE "bookings" DROP COLUMN "opens";
