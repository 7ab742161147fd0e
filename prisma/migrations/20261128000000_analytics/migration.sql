-- CreateTable
CREATE TABLE `kpi_daily_facts` (
    `metric` VARCHAR(32) NOT NULL,
    `day` DATE NOT NULL,
    `store_id` INTEGER NOT NULL,
    `staff_id` INTEGER NOT NULL,
    `dim` VARCHAR(32) NOT NULL,
    `value` BIGINT NOT NULL,

    INDEX `kpi_daily_facts_day_store_id_idx`(`day`, `store_id`),
    PRIMARY KEY (`metric`, `day`, `store_id`, `staff_id`, `dim`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateIndex: the analytics job finds the days to rebuild from the rows changed since its last run.
CREATE INDEX `leads_updated_at_idx` ON `leads`(`updated_at`);
CREATE INDEX `leads_ordered_at_idx` ON `leads`(`ordered_at`);
CREATE INDEX `follow_ups_created_at_idx` ON `follow_ups`(`created_at`);
CREATE INDEX `tasks_updated_at_idx` ON `tasks`(`updated_at`);
CREATE INDEX `test_drive_bookings_updated_at_idx` ON `test_drive_bookings`(`updated_at`);
CREATE INDEX `service_bookings_updated_at_idx` ON `service_bookings`(`updated_at`);
CREATE INDEX `work_orders_updated_at_idx` ON `work_orders`(`updated_at`);
CREATE INDEX `work_orders_settled_at_idx` ON `work_orders`(`settled_at`);
CREATE INDEX `points_entries_created_at_idx` ON `points_entries`(`created_at`);
