-- reverse: create index "booking_product_id_free_at" to table: "bookings"
DROP INDEX "booking_product_id_free_at";
-- reverse: create index "booking_owner_id_free_at" to table: "bookings"
DROP INDEX "booking_owner_id_free_at";
-- reverse: create index "booking_lease_id" to table: "bookings"
DROP INDEX "booking_lease_id";
-- reverse: create index "booking_cost_center_id_product_id_free_at" to table: "bookings"
DROP INDEX "booking_cost_center_id_product_id_free_at";
-- reverse: create "bookings" table
DROP TABLE "bookings";
-- reverse: modify "products" table
ALTER TABLE "products" DROP COLUMN "booking_horizon", DROP COLUMN "cleaning_buffer";
