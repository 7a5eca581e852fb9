-- modify "bookings" table
ALTER TABLE "bookings" ADD COLUMN "opens" boolean NOT NULL DEFAULT true;
-- create index "booking_buffers" to table: "bookings"
CREATE INDEX "booking_buffers" ON "bookings" ("product_id", "free_at", "ends_at", "quantity") WHERE (free_at > ends_at);
-- create index "booking_openings" to table: "bookings"
CREATE INDEX "booking_openings" ON "bookings" ("product_id", "starts_at") WHERE opens;
-- create index "booking_owner_openings" to table: "bookings"
CREATE INDEX "booking_owner_openings" ON "bookings" ("owner_id", "starts_at") WHERE opens;
-- create index "booking_owner_running" to table: "bookings"
CREATE INDEX "booking_owner_running" ON "bookings" ("owner_id", "ends_at", "starts_at", "quantity");
-- create index "booking_running" to table: "bookings"
CREATE INDEX "booking_running" ON "bookings" ("product_id", "ends_at", "starts_at", "quantity");
